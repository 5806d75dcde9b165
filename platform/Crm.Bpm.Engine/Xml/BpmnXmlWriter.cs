using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Crm.Bpm.Engine.Model;

namespace Crm.Bpm.Engine.Xml;

/// <summary>The writer behind <see cref="BpmnWriter"/>: walks the model in BPMN 2.0.2 schema order.</summary>
internal sealed partial class BpmnXmlWriter
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private readonly XmlWriter _w;
    private readonly BpmnDefinitions _definitions;
    private readonly List<NamespaceDeclaration> _rootNamespaces;
    private readonly string _bpmn;

    public BpmnXmlWriter(XmlWriter writer, BpmnDefinitions definitions)
    {
        _w = writer;
        _definitions = definitions;
        _rootNamespaces = [.. definitions.Namespaces];
        _bpmn = EnsurePrefix(BpmnNamespaces.Model, "bpmn");
        EnsurePrefix(BpmnNamespaces.BpmnDi, "bpmndi");
        EnsurePrefix(BpmnNamespaces.Dc, "dc");
        EnsurePrefix(BpmnNamespaces.Di, "di");
        if (UsesZeebe())
        {
            EnsurePrefix(BpmnNamespaces.Zeebe, "zeebe");
        }

        if (UsesXsiType())
        {
            EnsurePrefix(BpmnNamespaces.Xsi, "xsi");
        }
    }

    public void WriteDocument()
    {
        _w.WriteStartElement(_bpmn, "definitions", BpmnNamespaces.Model);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ns in _rootNamespaces)
        {
            if (!declared.Add(ns.Prefix))
            {
                continue;
            }

            if (ns.Prefix.Length == 0)
            {
                _w.WriteAttributeString("xmlns", ns.Uri);
            }
            else
            {
                _w.WriteAttributeString("xmlns", ns.Prefix, XmlnsNamespace, ns.Uri);
            }
        }

        var d = _definitions;
        Attr("id", d.Id);
        Attr("name", d.Name);
        Attr("targetNamespace", d.TargetNamespace);
        Attr("expressionLanguage", d.ExpressionLanguage);
        Attr("typeLanguage", d.TypeLanguage);
        Attr("exporter", d.Exporter);
        Attr("exporterVersion", d.ExporterVersion);
        WriteLeadingChildren(d);
        foreach (var import in d.Imports)
        {
            Start("import");
            Attr("namespace", import.Namespace);
            Attr("location", import.Location);
            Attr("importType", import.ImportType);
            WriteForeign(import.ForeignAttributes);
            _w.WriteEndElement();
        }

        foreach (var root in d.RootElements)
        {
            WriteRootElement(root);
        }

        foreach (var diagram in d.Diagrams)
        {
            WriteDiagram(diagram);
        }

        WriteTrailingChildren(d, skipResourceRoles: false);
        _w.WriteEndElement();
    }

    private bool UsesZeebe()
    {
        foreach (var element in _definitions.Index.AllElements)
        {
            if (element.ExtensionElements?.Items.Any(i => i is not UnknownExtensionElement) == true)
            {
                return true;
            }
        }

        return false;
    }

    private bool UsesXsiType() =>
        _definitions.Index.AllElements.Any(e => e is Expression { XsiType: not null });

    /// <summary>The prefix the root declares for <paramref name="uri"/>, declaring <paramref name="preferred"/> (or a free variant) when it has none.</summary>
    private string EnsurePrefix(string uri, string preferred)
    {
        foreach (var ns in _rootNamespaces)
        {
            if (ns.Uri == uri)
            {
                return ns.Prefix;
            }
        }

        var prefix = preferred;
        for (var i = 2; _rootNamespaces.Any(n => n.Prefix == prefix); i++)
        {
            prefix = preferred + i.ToString(CultureInfo.InvariantCulture);
        }

        _rootNamespaces.Add(new NamespaceDeclaration(prefix, uri));
        return prefix;
    }

    // ---------------------------------------------------------------- primitives

    private void Start(string local) => _w.WriteStartElement(_bpmn, local, BpmnNamespaces.Model);

    private void End() => _w.WriteEndElement();

    private void Attr(string name, string? value)
    {
        if (value is not null)
        {
            _w.WriteAttributeString(name, value);
        }
    }

    private void Attr(string name, bool value, bool defaultValue)
    {
        if (value != defaultValue)
        {
            _w.WriteAttributeString(name, value ? "true" : "false");
        }
    }

    private void Attr(string name, bool? value)
    {
        if (value is { } v)
        {
            _w.WriteAttributeString(name, v ? "true" : "false");
        }
    }

    private void Attr(string name, int? value)
    {
        if (value is { } v)
        {
            _w.WriteAttributeString(name, v.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void Attr(string name, double? value)
    {
        if (value is { } v)
        {
            _w.WriteAttributeString(name, Number(v));
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private void TextElement(string local, string text)
    {
        Start(local);
        _w.WriteString(text);
        End();
    }

    private void WriteForeign(IReadOnlyList<ForeignAttribute> attributes)
    {
        // Namespace declarations first, so the attributes after them can use their prefixes.
        foreach (var attribute in attributes)
        {
            if (!attribute.IsNamespaceDeclaration)
            {
                continue;
            }

            // Redeclaring the default namespace or the BPMN prefix on a typed element would move its own name; verbatim parts carry their own.
            var isDefault = attribute.Prefix != "xmlns";
            var prefix = isDefault ? "" : attribute.Name.LocalName;
            if (isDefault || prefix == _bpmn || RootNamespaceOf(prefix) == attribute.Value)
            {
                continue;
            }

            _w.WriteAttributeString("xmlns", prefix, XmlnsNamespace, attribute.Value);
        }

        foreach (var attribute in attributes)
        {
            if (attribute.IsNamespaceDeclaration)
            {
                continue;
            }

            var ns = attribute.Name.NamespaceName;
            if (ns.Length == 0)
            {
                _w.WriteAttributeString(attribute.Name.LocalName, attribute.Value);
                continue;
            }

            var prefix = _w.LookupPrefix(ns);
            if (string.IsNullOrEmpty(prefix))
            {
                prefix = attribute.Prefix is { Length: > 0 } wanted && RootNamespaceOf(wanted) is null ? wanted : null;
            }

            _w.WriteAttributeString(prefix, attribute.Name.LocalName, ns, attribute.Value);
        }
    }

    private string? RootNamespaceOf(string prefix)
    {
        foreach (var ns in _rootNamespaces)
        {
            if (ns.Prefix == prefix)
            {
                return ns.Uri;
            }
        }

        return null;
    }

    private void WriteVerbatim(XElement element) => element.WriteTo(_w);

    // ---------------------------------------------------------------- common children

    private static bool IsEarly(XElement element) =>
        element.Name.NamespaceName == BpmnNamespaces.Model && element.Name.LocalName is "auditing" or "monitoring" or "categoryValueRef";

    private static bool IsResourceRole(XElement element) =>
        element.Name.NamespaceName == BpmnNamespaces.Model && element.Name.LocalName is "performer" or "humanPerformer" or "potentialOwner" or "resourceRole";

    /// <summary>The foreign attributes (after the typed ones, as Camunda Modeler does), then documentation, extension elements and the verbatim children the schema puts right after them.</summary>
    private void WriteLeadingChildren(BaseElement element)
    {
        WriteForeign(element.ForeignAttributes);
        foreach (var documentation in element.Documentation)
        {
            Start("documentation");
            Attr("id", documentation.Id);
            Attr("textFormat", documentation.TextFormat);
            WriteForeign(documentation.ForeignAttributes);
            _w.WriteString(documentation.Text);
            End();
        }

        if (element.ExtensionElements is { } extensions)
        {
            Start("extensionElements");
            foreach (var item in extensions.Items)
            {
                WriteExtension(item);
            }

            End();
        }

        foreach (var child in element.UnmodeledChildren)
        {
            if (IsEarly(child))
            {
                WriteVerbatim(child);
            }
        }
    }

    private void WriteResourceRoles(BaseElement element)
    {
        foreach (var child in element.UnmodeledChildren)
        {
            if (IsResourceRole(child))
            {
                WriteVerbatim(child);
            }
        }
    }

    private void WriteTrailingChildren(BaseElement element, bool skipResourceRoles)
    {
        foreach (var child in element.UnmodeledChildren)
        {
            if (!IsEarly(child) && !(skipResourceRoles && IsResourceRole(child)))
            {
                WriteVerbatim(child);
            }
        }
    }

    /// <summary>Writes the id; the foreign attributes follow the typed ones in <see cref="WriteLeadingChildren"/>.</summary>
    private void WriteId(BaseElement element) => Attr("id", element.Id);

    private void WriteExpression(string local, Expression? expression)
    {
        if (expression is null)
        {
            return;
        }

        Start(local);
        Attr("id", expression.Id);
        if (expression.XsiType is not null)
        {
            _w.WriteAttributeString("type", BpmnNamespaces.Xsi, expression.XsiType);
        }

        Attr("language", expression.Language);
        Attr("evaluatesToTypeRef", expression.EvaluatesToTypeRef);
        WriteLeadingChildren(expression);
        if (expression.Text.Length > 0)
        {
            _w.WriteString(expression.Text);
        }

        WriteTrailingChildren(expression, skipResourceRoles: false);
        End();
    }

    private void WriteRefs(string local, IReadOnlyList<string> refs)
    {
        foreach (var reference in refs)
        {
            TextElement(local, reference);
        }
    }
}
