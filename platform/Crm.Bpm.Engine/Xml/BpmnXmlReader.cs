using System.Xml;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Crm.Bpm.Diagnostics;
using Crm.Bpm.Engine.Model;

namespace Crm.Bpm.Engine.Xml;

/// <summary>The streaming reader behind <see cref="BpmnParser"/>: one pass from XML nodes to model records.</summary>
/// <remarks>
/// Every <c>ReadXxx</c> method starts on the element's start tag and leaves the reader on the node after its end tag,
/// so a caller's child loop never has to know how much a child consumed.
/// </remarks>
internal sealed partial class BpmnXmlReader
{
    private readonly XmlScanner _reader;
    private readonly string? _file;
    private readonly List<Diagnostic> _diagnostics = [];

    // Atomized namespace strings: the scanner's name table returns these very instances, so comparisons are cheap.
    private readonly string _bpmn;
    private readonly string _bpmnDi;
    private readonly string _dc;
    private readonly string _di;
    private readonly string _zeebe;
    private readonly string _xsi;
    private readonly string _xmlns;

    // The unqualified attributes of the element being read: names, values, and whether a Take consumed them.
    private string[] _attrNames = new string[16];
    private string[] _attrValues = new string[16];
    private bool[] _attrTaken = new bool[16];
    private int _attrCount;
    private List<ForeignAttribute>? _foreign;
    private readonly Dictionary<(string Local, string Namespace), XName> _names = new(AtomizedPairComparer.Instance);
    private string? _xsiType;

    private BpmnXmlReader(XmlScanner reader, string? file)
    {
        _reader = reader;
        _file = file;
        _bpmn = reader.Intern(BpmnNamespaces.Model);
        _bpmnDi = reader.Intern(BpmnNamespaces.BpmnDi);
        _dc = reader.Intern(BpmnNamespaces.Dc);
        _di = reader.Intern(BpmnNamespaces.Di);
        _zeebe = reader.Intern(BpmnNamespaces.Zeebe);
        _xsi = reader.Intern(BpmnNamespaces.Xsi);
        _xmlns = reader.Intern("http://www.w3.org/2000/xmlns/");
    }

    /// <param name="reader">A scanner over the file's text.</param>
    /// <param name="fileName">The name diagnostics carry.</param>
    public static BpmnParseResult Read(XmlScanner reader, string? fileName)
    {
        var self = new BpmnXmlReader(reader, fileName);
        try
        {
            var definitions = self.ReadDocument();
            if (definitions is not null)
            {
                self.ReportDuplicateIds(definitions);
            }

            return new BpmnParseResult(definitions, self._diagnostics);
        }
        catch (XmlException e)
        {
            self.ReportXmlException(e);
            return new BpmnParseResult(null, self._diagnostics);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException or NotSupportedException or DecoderFallbackException or IOException)
        {
            // A fault in this reader, or an I/O failure of the stream: still a diagnostic, never a crash of the caller.
            self.Report(DiagnosticSeverity.Error, BpmnDiagnosticCodes.InternalError,
                $"The BPMN reader failed ({e.GetType().Name}: {e.Message}). The file may still be valid; report this with the file attached.",
                self.CurrentPosition(), null);
            return new BpmnParseResult(null, self._diagnostics);
        }
    }

    private BpmnDefinitions? ReadDocument()
    {
        if (_reader.MoveToContent() != XmlNodeType.Element)
        {
            Report(DiagnosticSeverity.Error, BpmnDiagnosticCodes.Unreadable, "The input is empty: a BPMN file starts with <bpmn:definitions xmlns:bpmn=\"" + BpmnNamespaces.Model + "\">.", CurrentPosition(), null);
            return null;
        }

        var ns = _reader.NamespaceURI;
        var local = _reader.LocalName;
        if ((object)ns == _bpmn && local == "definitions")
        {
            var definitions = ReadDefinitions();

            // Anything after the root end tag is still checked for well-formedness.
            while (_reader.Read())
            {
            }

            return definitions;
        }

        Report(DiagnosticSeverity.Error, BpmnDiagnosticCodes.NotBpmn20, DescribeWrongRoot(local, ns), CurrentPosition(), null);
        return null;
    }

    private static string DescribeWrongRoot(string local, string ns)
    {
        var found = ns.Length == 0 ? $"<{local}> without a namespace" : $"<{local}> in namespace {ns}";
        if (ns.Contains("wfmc.org", StringComparison.OrdinalIgnoreCase) || local == "Package")
        {
            return $"This is not BPMN 2.0: the root is {found}, which is an XPDL package (the BPMN 1.x interchange format). Export the process from its tool as BPMN 2.0 XML.";
        }

        if (local == "definitions" && ns.Length == 0)
        {
            return $"This is not BPMN 2.0: the root is {found}. Declare the BPMN 2.0 namespace: <definitions xmlns=\"{BpmnNamespaces.Model}\">.";
        }

        if (ns.Contains("omg.org", StringComparison.OrdinalIgnoreCase) && ns.Contains("bpmn", StringComparison.OrdinalIgnoreCase))
        {
            return $"This is not BPMN 2.0: the root is {found}, which looks like BPMN 1.x or a pre-release draft. Export it as BPMN 2.0 XML (namespace {BpmnNamespaces.Model}).";
        }

        return $"This is not BPMN 2.0: the root is {found}. A BPMN 2.0 file starts with <bpmn:definitions xmlns:bpmn=\"{BpmnNamespaces.Model}\">.";
    }

    private void ReportXmlException(XmlException e)
    {
        var message = e.Message;
        var at = message.IndexOf(" Line ", StringComparison.Ordinal);
        var detail = at > 0 ? message[..at] : message;
        var position = e.LineNumber > 0 ? new SourcePosition(e.LineNumber, e.LinePosition) : CurrentPosition();
        if (message.Contains("DTD", StringComparison.Ordinal))
        {
            Report(DiagnosticSeverity.Error, BpmnDiagnosticCodes.DoctypeRefused,
                "The file contains a DOCTYPE declaration, which is refused: DTDs can expand entities or read files from the machine. Remove the <!DOCTYPE ...> block; BPMN 2.0 files do not need one.",
                position, null);
        }
        else if (message.Contains("Unexpected end of file", StringComparison.Ordinal) || message.Contains("not closed", StringComparison.Ordinal))
        {
            Report(DiagnosticSeverity.Error, BpmnDiagnosticCodes.NotWellFormed,
                $"The file ends unexpectedly at line {position.Line}, column {position.Column}; it is probably truncated ({detail.TrimEnd('.')}). Save or export the file again.",
                position, null);
        }
        else
        {
            Report(DiagnosticSeverity.Error, BpmnDiagnosticCodes.NotWellFormed,
                $"The file is not well-formed XML at line {position.Line}, column {position.Column}: {detail.TrimEnd('.')}. Fix the XML (an editor with XML checking shows the spot) or export the file again.",
                position, null);
        }
    }

    private void ReportDuplicateIds(BpmnDefinitions definitions)
    {
        var index = definitions.Index;
        foreach (var id in index.DuplicateIds)
        {
            var elements = index.ElementsWithId(id);
            var first = elements[0];
            for (var i = 1; i < elements.Count; i++)
            {
                Report(DiagnosticSeverity.Error, BpmnDiagnosticCodes.DuplicateId,
                    $"The id '{id}' of this {elements[i].ElementName} is already used by the {first.ElementName} at line {first.Position.Line}. Give every element its own id.",
                    elements[i].Position, id);
            }
        }
    }

    // ---------------------------------------------------------------- diagnostics and positions

    private SourcePosition CurrentPosition() => _reader.Position;

    private void Report(DiagnosticSeverity severity, string code, string message, SourcePosition position, string? elementId) =>
        _diagnostics.Add(new Diagnostic(severity, code, message, _file, position.IsKnown ? position.Line : null, position.IsKnown ? position.Column : null, elementId));

    private void Missing(string what, string element, string? id, SourcePosition position, string advice) =>
        Report(DiagnosticSeverity.Error, BpmnDiagnosticCodes.MissingRequired,
            $"The {element}{(id is null ? "" : $" '{id}'")} has no {what}. {advice}", position, id);

    // ---------------------------------------------------------------- attributes

    /// <summary>Reads the current element's attributes: unqualified ones into the take-buffer, the rest into the foreign list.</summary>
    private void ReadAttributes()
    {
        _attrCount = 0;
        _foreign = null;
        _xsiType = null;
        var count = _reader.AttributeCount;
        for (var i = 0; i < count; i++)
        {
            var ns = _reader.AttributeNamespace(i);
            if (ns.Length == 0)
            {
                if (_attrCount == _attrNames.Length)
                {
                    Array.Resize(ref _attrNames, _attrCount * 2);
                    Array.Resize(ref _attrValues, _attrCount * 2);
                    Array.Resize(ref _attrTaken, _attrCount * 2);
                }

                _attrNames[_attrCount] = _reader.AttributeLocalName(i);
                _attrValues[_attrCount] = _reader.AttributeValue(i);
                _attrTaken[_attrCount++] = false;
            }
            else if ((object)ns == _xsi && _reader.AttributeLocalName(i) == "type")
            {
                _xsiType = _reader.AttributeValue(i);
            }
            else
            {
                var prefix = _reader.AttributePrefix(i);
                _foreign ??= [];
                _foreign.Add(new ForeignAttribute(NameOf(_reader.AttributeLocalName(i), ns), _reader.AttributeValue(i), prefix.Length == 0 ? null : prefix));
            }
        }
    }

    /// <summary>The expanded name of an attribute kept verbatim; both parts are atomized by the scanner, so the cache compares them by reference.</summary>
    /// <remarks><see cref="XName.Get(string, string)"/> takes a global lock and two table lookups; a file repeats few foreign names many times.</remarks>
    private XName NameOf(string localName, string namespaceName)
    {
        var key = (localName, namespaceName);
        if (!_names.TryGetValue(key, out var name))
        {
            name = XName.Get(localName, namespaceName);
            _names.Add(key, name);
        }

        return name;
    }

    private string? Take(string name)
    {
        for (var i = 0; i < _attrCount; i++)
        {
            if (!_attrTaken[i] && _attrNames[i] == name)
            {
                _attrTaken[i] = true;
                return _attrValues[i];
            }
        }

        return null;
    }

    /// <summary>Takes an attribute that must be there, reporting BPMN005 when it is not.</summary>
    private string? TakeRequired(string name, string element, string? id, SourcePosition position, string advice)
    {
        var value = Take(name);
        if (value is null)
        {
            Missing($"'{name}' attribute", element, id, position, advice);
        }

        return value;
    }

    private bool? TakeBool(string name, string? id, SourcePosition position)
    {
        var text = Take(name);
        if (text is null)
        {
            return null;
        }

        switch (text.Trim())
        {
            case "true" or "1":
                return true;
            case "false" or "0":
                return false;
            default:
                KeepInvalid(name, text, "true or false", id, position);
                return null;
        }
    }

    private bool TakeBool(string name, bool defaultValue, string? id, SourcePosition position) => TakeBool(name, id, position) ?? defaultValue;

    private int? TakeInt(string name, string? id, SourcePosition position)
    {
        var text = Take(name);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        KeepInvalid(name, text, "a whole number", id, position);
        return null;
    }

    private double? TakeDouble(string name, string? id, SourcePosition position)
    {
        var text = Take(name);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        KeepInvalid(name, text, "a number", id, position);
        return null;
    }

    private TEnum TakeEnum<TEnum>(string name, TEnum defaultValue, string? id, SourcePosition position)
        where TEnum : struct, Enum
    {
        var text = Take(name);
        if (text is null)
        {
            return defaultValue;
        }

        if (Enum.TryParse<TEnum>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(text.Trim().FirstOrDefault()))
        {
            return value;
        }

        KeepInvalid(name, text, string.Join(", ", Enum.GetNames<TEnum>()), id, position);
        return defaultValue;
    }

    private void KeepInvalid(string name, string text, string expected, string? id, SourcePosition position)
    {
        // The raw attribute is kept verbatim so that writing the model back does not lose it.
        Report(DiagnosticSeverity.Error, BpmnDiagnosticCodes.InvalidValue,
            $"The attribute '{name}' has the value '{text}', but it must be {expected}. Correct the value.", position, id);
        _foreign ??= [];
        _foreign.Add(new ForeignAttribute(XName.Get(name), text));
    }

    /// <summary>The foreign attributes plus every unqualified attribute no Take consumed (unknown ones), all kept verbatim.</summary>
    private IReadOnlyList<ForeignAttribute> FinishAttributes()
    {
        for (var i = 0; i < _attrCount; i++)
        {
            if (!_attrTaken[i])
            {
                _foreign ??= [];
                _foreign.Add(new ForeignAttribute(NameOf(_attrNames[i], ""), _attrValues[i]));
            }
        }

        var result = (IReadOnlyList<ForeignAttribute>?)_foreign ?? [];
        _foreign = null;
        return result;
    }

    // ---------------------------------------------------------------- content

    /// <summary>Moves into the current element's content; false (and the element consumed) when it is empty.</summary>
    private bool EnterContent()
    {
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
            return false;
        }

        _reader.Read();
        return true;
    }

    /// <summary>Moves to the next child element; false (and the end tag consumed) when there is none. Text between children is skipped.</summary>
    private bool NextChild()
    {
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element:
                    return true;
                case XmlNodeType.EndElement:
                    _reader.Read();
                    return false;
                case XmlNodeType.None:
                    return false;
                default:
                    _reader.Read();
                    break;
            }
        }
    }

    private bool IsBpmn => (object)_reader.NamespaceURI == _bpmn;

    /// <summary>Reads an element's text; child elements inside it are kept verbatim in <paramref name="children"/>.</summary>
    private string ReadText(ref VerbatimElementList? children)
    {
        if (!EnterContent())
        {
            return "";
        }

        string? single = null;
        StringBuilder? text = null;
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    if (single is null)
                    {
                        single = _reader.Value;
                    }
                    else
                    {
                        text ??= new StringBuilder(single);
                        text.Append(_reader.Value);
                    }

                    _reader.Read();
                    break;
                case XmlNodeType.Element:
                    children ??= new VerbatimElementList();
                    children.Add(ReadVerbatim());
                    break;
                case XmlNodeType.EndElement:
                    _reader.Read();
                    return text?.ToString() ?? single ?? "";
                case XmlNodeType.None:
                    return text?.ToString() ?? single ?? "";
                default:
                    _reader.Read();
                    break;
            }
        }
    }

    /// <summary>Reads a text-only element such as <c>incoming</c> or <c>flowNodeRef</c>, trimmed.</summary>
    private string ReadRefText()
    {
        VerbatimElementList? ignored = null;
        return ReadText(ref ignored).Trim();
    }

    /// <summary>Snapshots the current element verbatim (names, attributes, text, children) and moves past it.</summary>
    private VerbatimElement ReadVerbatim() => _reader.ReadVerbatim();

    /// <summary>Keeps a child the model does not interpret, warning when it is not a BPMN 2.0.2 element at all.</summary>
    private void KeepUnmodeled(ref Common common, string parent)
    {
        if (IsBpmn)
        {
            var local = _reader.LocalName;
            if (!BpmnElementNames.IsKnown(local))
            {
                Report(DiagnosticSeverity.Warning, BpmnDiagnosticCodes.UnknownElement,
                    $"<{local}> inside {parent} is not a BPMN 2.0.2 element; it is kept as it is but not executed. Check the spelling or the tool that wrote it.",
                    CurrentPosition(), null);
            }
            else if (BpmnElementNames.IsModeled(local))
            {
                Report(DiagnosticSeverity.Warning, BpmnDiagnosticCodes.MisplacedElement,
                    $"<{local}> is not allowed inside {parent}; it is kept as it is but not executed. Move it to where BPMN 2.0 allows it.",
                    CurrentPosition(), null);
            }
        }

        common.Unmodeled ??= new VerbatimElementList();
        common.Unmodeled.Add(ReadVerbatim());
    }

    /// <summary>Handles the children every BPMN element may have (documentation, extensionElements); false for any other child.</summary>
    private bool TryReadCommonChild(ref Common common)
    {
        if (!IsBpmn)
        {
            return false;
        }

        switch (_reader.LocalName)
        {
            case "documentation":
                common.Documentation ??= [];
                common.Documentation.Add(ReadDocumentation());
                return true;
            case "extensionElements":
                var extensions = ReadExtensionElements();
                if (common.Extensions is null)
                {
                    common.Extensions = extensions;
                }
                else
                {
                    common.Extensions = common.Extensions with { Items = [.. common.Extensions.Items, .. extensions.Items] };
                }

                return true;
            default:
                return false;
        }
    }

    private Documentation ReadDocumentation()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var format = Take("textFormat");
        var foreign = FinishAttributes();
        VerbatimElementList? ignored = null;
        var text = ReadText(ref ignored);
        return new Documentation { Id = id, TextFormat = format, Text = text, Position = position, ForeignAttributes = foreign };
    }

    private static T Apply<T>(T element, string? id, SourcePosition position, ref Common common, IReadOnlyList<ForeignAttribute> foreign)
        where T : BaseElement
    {
        element.SetCommon(id, position, (IReadOnlyList<Documentation>?)common.Documentation ?? [], common.Extensions, foreign, (IReadOnlyList<XElement>?)common.Unmodeled ?? []);
        return element;
    }

    /// <summary>Compares pairs of atomized strings by reference.</summary>
    private sealed class AtomizedPairComparer : IEqualityComparer<(string Local, string Namespace)>
    {
        public static readonly AtomizedPairComparer Instance = new();

        public bool Equals((string Local, string Namespace) x, (string Local, string Namespace) y) =>
            ReferenceEquals(x.Local, y.Local) && ReferenceEquals(x.Namespace, y.Namespace);

        public int GetHashCode((string Local, string Namespace) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Local), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Namespace));
    }

    /// <summary>The children every element may have, gathered while its own children are read.</summary>
    private struct Common
    {
        public List<Documentation>? Documentation;
        public ExtensionElements? Extensions;
        public VerbatimElementList? Unmodeled;
    }
}
