using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using Crm.Bpm.Engine.Model;

namespace Crm.Bpm.Engine.Xml;

/// <summary>A secure, streaming XML 1.0 pull scanner over decoded text: the subset of <see cref="XmlReader"/> the BPMN reader needs, without its per-node costs.</summary>
/// <remarks>
/// It reports elements, end tags, text and CDATA (comments, processing instructions and whitespace-only text are skipped,
/// as <see cref="SecureXmlSettings"/> does), resolves namespace prefixes, and checks well-formedness (XML 1.0 §2.1-§3.1,
/// Namespaces in XML §5) as it goes, throwing <see cref="XmlException"/> with the line and column of the fault.
/// A DOCTYPE is refused outright: no DTD is read, no entity but the five predefined ones and character references exists.
/// Values are decoded only when asked for, so skipping a subtree allocates nothing.
/// </remarks>
internal sealed partial class XmlScanner : IDisposable
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private static readonly SearchValues<char> InvalidControls = SearchValues.Create(BuildInvalidControls());
    private static readonly SearchValues<char> TextStops = SearchValues.Create("<&]");
    private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \t\r\n");
    private static readonly SearchValues<char> NeedsNormalizing = SearchValues.Create("&\t\r\n");
    private static readonly SearchValues<char> DoubleQuotedValueStops = SearchValues.Create("\"<&\t\r\n");
    private static readonly SearchValues<char> SingleQuotedValueStops = SearchValues.Create("'<&\t\r\n");

    private readonly bool _pooled;
    private char[] _chars;
    private readonly int _length;
    private readonly bool _hasCarriageReturn;
    // The name table outlives the scanner: each thread keeps the last one for its next file, so the names every BPMN file
    // repeats are found warm instead of being made again (bindings are undone on Dispose; a table grown large is dropped).
    [ThreadStatic]
    private static XmlNames? t_spareNames;

    private readonly XmlNames _names = TakeNames();
    private bool _namesReturned;
    private readonly XmlNames.Entry _emptyPrefix;
    private readonly XmlNames.Entry _xmlPrefix;
    private readonly XmlNames.Entry _xmlnsPrefix;
    private readonly string _xmlNs;
    private readonly string _xmlnsNs;

    // Where the usable text ends: the input's length, or the first character that XML forbids (reported on reaching it).
    private readonly int _end;
    private readonly string? _faultAtEnd;

    private int _pos;

    // The UTF-8 input the text was decoded from, when it was; a cursor maps character indexes to byte offsets in it.
    private byte[]? _utf8;
    private int _utf8Base;
    private int _utf8End;
    private int _mapChar;
    private int _mapByte;
    private int _nextWide = -1;

    // Line bookkeeping: positions are computed on demand from the last known line start, counting newlines in between.
    private int _lineIndex;
    private int _lineNumber = 1;
    private int _lineStart;

    // The open elements: where their qualified names stand in the source, the binding stack height before their declarations.
    private Frame[] _frames = new Frame[32];
    private int _depth;
    private bool _popPending;
    private bool _rootSeen;

    // Namespace bindings in force, as a stack of (prefix entry, previous binding) so closing an element restores them.
    private Binding[] _bindings = new Binding[32];
    private int _bindingCount;
    private int _bindingVersion;
    private KeyValuePair<string, string>[]? _snapshot;
    private int _snapshotVersion = -1;

    // The current node.
    private XmlNodeType _nodeType;
    private int _nodeStart;
    private int _nameStart;
    private int _nameLength;
    private int _colon;
    private bool _isEmpty;
    private string? _nodeNamespace;
    private string? _localName;
    private string? _prefix;
    private int _valueStart;
    private int _valueEnd;
    private bool _valueNeedsDecoding;
    private string? _value;
    private Attribute[] _attributes = new Attribute[16];

    // Strings made for the current element's attributes, valid while their generation is the element's: keeping them
    // apart from the positions lets a start tag record its attributes without storing references (no write barriers).
    private AttributeStrings[] _attributeStrings = new AttributeStrings[16];
    private int _generation;
    private XmlNames.Entry? _lastPrefix;
    private int _attributeCount;

    private XmlScanner(char[] chars, int length, bool pooled, int badCharAt, string? fault, bool charsChecked = false, bool? hasCarriageReturn = null)
    {
        _chars = chars;
        _pooled = pooled;
        _length = length;
        var text = new ReadOnlySpan<char>(chars, 0, length);
        _hasCarriageReturn = hasCarriageReturn ?? text.Contains('\r');
        _emptyPrefix = _names.Get("");
        _xmlPrefix = _names.Get("xml");
        _xmlnsPrefix = _names.Get("xmlns");
        _xmlNs = _names.Add(XmlNamespace);
        _xmlnsNs = _names.Add(XmlnsNamespace);
        _xmlPrefix.Uri = _xmlNs;
        _emptyPrefix.Uri = "";
        var invalid = charsChecked ? -1 : FindInvalidChar(text[..badCharAt]);
        _end = invalid >= 0 ? invalid : badCharAt;
        _faultAtEnd = invalid >= 0 ? "'" + Describe(text[invalid]) + "', hexadecimal value 0x" + ((int)text[invalid]).ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + ", is an invalid character." : fault;
        if (_end > 0 && text[0] == '\uFEFF')
        {
            _pos = 1;
        }
    }

    /// <summary>A scanner over text already decoded (a string's encoding declaration is ignored).</summary>
    /// <remarks>The text is copied into a pooled buffer that <see cref="Dispose"/> returns.</remarks>
    public static XmlScanner FromText(ReadOnlySpan<char> text)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        text.CopyTo(chars);
        return new XmlScanner(chars, text.Length, pooled: true, text.Length, null);
    }

    /// <summary>Gives the pooled text buffer back; the scanner must not be used afterwards (verbatim slices taken from it are copies).</summary>
    public void Dispose()
    {
        if (_pooled && _chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_chars);
        }

        if (!_namesReturned)
        {
            _namesReturned = true;
            while (_bindingCount > 0)
            {
                ref var b = ref _bindings[--_bindingCount];
                b.Prefix.Uri = b.Previous;
            }

            if (_names.Count <= MaxSpareNames && _names.Characters <= MaxSpareCharacters)
            {
                t_spareNames = _names;
            }
        }

        _chars = [];
        _utf8 = null;
    }

    // A table kept for the next file holds at most this many names and characters (namespace names are attribute values,
    // so a hostile file could make them long); a larger one is left to the garbage collector.
    private const int MaxSpareNames = 4096;
    private const int MaxSpareCharacters = 64 * 1024;

    private static XmlNames TakeNames()
    {
        var names = t_spareNames;
        t_spareNames = null;
        return names ?? new XmlNames();
    }

    /// <summary>The node the scanner stands on: None before the first <see cref="Read"/> and after the end.</summary>
    public XmlNodeType NodeType => _nodeType;

    public bool IsEmptyElement => _nodeType == XmlNodeType.Element && _isEmpty;

    /// <summary>How many elements enclose the current node (the root element is at depth 0).</summary>
    public int Depth => _nodeType is XmlNodeType.Element or XmlNodeType.EndElement ? _depth - 1 : _depth;

    public string LocalName => _localName ??= _nodeType is XmlNodeType.Element or XmlNodeType.EndElement
        ? _names.Get(Span.Slice(_colon >= 0 ? _colon + 1 : _nameStart, _colon >= 0 ? _nameStart + _nameLength - _colon - 1 : _nameLength)).Text
        : "";

    public string Prefix => _prefix ??= _nodeType is XmlNodeType.Element or XmlNodeType.EndElement && _colon >= 0
        ? _names.Get(Span[_nameStart.._colon]).Text
        : "";

    /// <summary>The namespace of the current element, atomized: compare it by reference with <see cref="Intern"/>'s results.</summary>
    public string NamespaceURI => _nodeNamespace ?? "";

    /// <summary>The text of the current text or CDATA node, with references replaced and line ends normalized.</summary>
    public string Value => _value ??= _nodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace
        ? _nodeType == XmlNodeType.CDATA ? DecodeCData(_valueStart, _valueEnd) : Decode(_valueStart, _valueEnd, _valueNeedsDecoding, attribute: false)
        : "";

    public int AttributeCount => _nodeType == XmlNodeType.Element ? _attributeCount : 0;

    /// <summary>Where the current node starts (the <c>&lt;</c> of a tag), 1-based.</summary>
    public SourcePosition Position => PositionOf(_nodeStart);

    private ReadOnlySpan<char> Span => new(_chars, 0, _length);

    /// <summary>Atomizes a string into the scanner's name table, so the namespace strings it hands out compare by reference.</summary>
    public string Intern(string name) => _names.Add(name);

    public string AttributeLocalName(int index)
    {
        ref var a = ref _attributes[index];
        return StringsOf(index).LocalName ??= _names.Get(AttributeLocalNameSpan(in a)).Text;
    }

    /// <summary>Whether the attribute's local name is <paramref name="name"/>, without making a string.</summary>
    public bool AttributeLocalNameIs(int index, string name) => AttributeLocalNameSpan(in _attributes[index]).SequenceEqual(name);

    public string AttributePrefix(int index)
    {
        ref var a = ref _attributes[index];
        return a.Colon >= 0 ? _names.Get(Span[a.NameStart..a.Colon]).Text : "";
    }

    public string AttributeNamespace(int index)
    {
        ref var a = ref _attributes[index];
        return a.IsDeclaration ? _xmlnsNs : a.Colon < 0 ? "" : StringsOf(index).Namespace!;
    }

    public string AttributeValue(int index)
    {
        ref var a = ref _attributes[index];
        return StringsOf(index).Value ??= Decode(a.ValueStart, a.ValueEnd, a.NeedsDecoding, attribute: true);
    }

    private ReadOnlySpan<char> AttributeLocalNameSpan(in Attribute a) =>
        a.Colon >= 0 ? Span.Slice(a.Colon + 1, a.NameStart + a.NameLength - a.Colon - 1) : Span.Slice(a.NameStart, a.NameLength);

    private ref AttributeStrings StringsOf(int index)
    {
        ref var strings = ref _attributeStrings[index];
        if (strings.Generation != _generation)
        {
            strings.Generation = _generation;
            strings.Namespace = null;
            strings.LocalName = null;
            strings.Value = null;
        }

        return ref strings;
    }

    /// <summary>Moves to the first element or text when the scanner has not started; returns the node type it stands on.</summary>
    public XmlNodeType MoveToContent()
    {
        if (_nodeType == XmlNodeType.None && !_rootSeen)
        {
            Read();
        }

        return _nodeType;
    }

    /// <summary>Moves past the current element and all its content (or past the current node), to the node after it.</summary>
    public void Skip()
    {
        if (_nodeType == XmlNodeType.Element && !_isEmpty)
        {
            SkipToEndTag();
        }

        Read();
    }

    /// <summary>Keeps the current element verbatim (its source slice and the namespaces in scope) and moves to the node after it.</summary>
    public VerbatimElement ReadVerbatim()
    {
        var localName = LocalName;
        var namespaceName = NamespaceURI;
        var start = _nodeStart;
        var namespaces = SnapshotBindings();
        var preserve = _depth >= 2 && _frames[_depth - 2].PreserveSpace;
        if (!_isEmpty)
        {
            SkipToEndTag();
        }

        // Kept as UTF-8: foreign content is most of some files and is rarely read back, so half the bytes to copy and hold.
        // From UTF-8 input the slice is the file's own bytes, copied as they are.
        byte[] source;
        if (_utf8 is not null)
        {
            var from = Utf8OffsetOf(start);
            var to = Utf8OffsetOf(_pos);
            source = GC.AllocateUninitializedArray<byte>(to - from);
            _utf8.AsSpan(from, to - from).CopyTo(source);
        }
        else
        {
            var text = Span[start.._pos];
            source = GC.AllocateUninitializedArray<byte>(Encoding.UTF8.GetByteCount(text));
            Encoding.UTF8.GetBytes(text, source);
        }

        Read();
        return new VerbatimElement(localName, namespaceName, source, namespaces, preserve);
    }

    /// <summary>Reads the next element, end tag, text or CDATA node; false at the end of the document.</summary>
    public bool Read()
    {
        if (_popPending)
        {
            PopElement();
        }

        _localName = null;
        _prefix = null;
        _value = null;
        _nodeNamespace = null;
        while (true)
        {
            var s = Span;
            if (_pos >= _end)
            {
                return AtEnd();
            }

            _nodeStart = _pos;
            if (s[_pos] == '<')
            {
                if (_pos + 1 >= _end)
                {
                    throw UnexpectedEnd();
                }

                switch (s[_pos + 1])
                {
                    case '/':
                        ReadEndTag();
                        return true;
                    case '?':
                        SkipProcessingInstruction();
                        continue;
                    case '!':
                        if (ReadBang())
                        {
                            return true;
                        }

                        continue;
                    default:
                        ReadStartTag();
                        return true;
                }
            }

            if (ReadText())
            {
                return true;
            }
        }
    }

    private bool AtEnd()
    {
        if (_depth > 0)
        {
            throw UnexpectedEnd();
        }

        if (_end < _length || _faultAtEnd is not null)
        {
            throw Fault(_faultAtEnd ?? "Unexpected end of file.", _end);
        }

        if (!_rootSeen)
        {
            throw Fault("Root element is missing.", _end);
        }

        _nodeType = XmlNodeType.None;
        return false;
    }

    // ---------------------------------------------------------------- tags

    private void ReadStartTag()
    {
        var s = Span;
        if (_depth == 0 && _rootSeen)
        {
            throw Fault("There are multiple root elements.", _pos);
        }

        _pos++;
        _nameStart = _pos;
        _colon = ScanQName(out _nameLength);
        _attributeCount = 0;
        _generation++;
        var mark = _bindingCount;
        var preserve = _depth > 0 && _frames[_depth - 1].PreserveSpace;
        while (true)
        {
            var hadSpace = SkipWhitespace();
            if (_pos >= _end)
            {
                throw UnexpectedEnd();
            }

            var c = s[_pos];
            if (c == '>')
            {
                _pos++;
                _isEmpty = false;
                break;
            }

            if (c == '/')
            {
                if (_pos + 1 >= _end)
                {
                    throw UnexpectedEnd();
                }

                if (s[_pos + 1] != '>')
                {
                    throw Fault("Expected '>' after '/' to close the empty element.", _pos + 1);
                }

                _pos += 2;
                _isEmpty = true;
                break;
            }

            if (!hadSpace)
            {
                throw Fault($"'{Describe(c)}' is an unexpected token. Expecting white space.", _pos);
            }

            ReadAttribute(ref preserve);
        }

        _rootSeen = true;
        if (_depth == _frames.Length)
        {
            Array.Resize(ref _frames, _depth * 2);
        }

        _nodeNamespace = Resolve(_nameStart, _colon, isAttribute: false);
        _frames[_depth++] = new Frame(_nodeStart, _nameStart, _nameLength, _colon, mark, preserve, _nodeNamespace);
        if (_attributeCount > 0)
        {
            ResolveAttributes();
        }

        _nodeType = XmlNodeType.Element;
        _popPending = _isEmpty;
    }

    private void ReadAttribute(ref bool preserve)
    {
        var s = Span;
        var nameStart = _pos;
        var colon = ScanQName(out var nameLength);
        SkipWhitespace();
        if (_pos >= _end)
        {
            throw UnexpectedEnd();
        }

        if (s[_pos] != '=')
        {
            throw Fault($"'{Describe(s[_pos])}' is an unexpected token. The expected token is '='.", _pos);
        }

        _pos++;
        SkipWhitespace();
        if (_pos >= _end)
        {
            throw UnexpectedEnd();
        }

        var quote = s[_pos];
        if (quote is not ('"' or '\''))
        {
            throw Fault($"'{Describe(quote)}' is an unexpected token. The expected token is '\"' or '''.", _pos);
        }

        var valueStart = ++_pos;
        var needsDecoding = false;

        // One pass finds the closing quote and anything that needs decoding: references, and white space that
        // attribute-value normalization (XML 1.0 §3.3.3) turns into spaces.
        var stops = quote == '"' ? DoubleQuotedValueStops : SingleQuotedValueStops;
        while (true)
        {
            var block = FirstAttributeStopInBlock(s[.._end], _pos, quote);
            if (block >= 0)
            {
                _pos = block;
            }
            else
            {
                var at = s[_pos.._end].IndexOfAny(stops);
                if (at < 0)
                {
                    _pos = _end;
                    throw UnexpectedEnd();
                }

                _pos += at;
            }

            var c = s[_pos];
            if (c == quote)
            {
                break;
            }

            if (c == '<')
            {
                throw Fault("'<', hexadecimal value 0x3C, is an invalid attribute character.", _pos);
            }

            needsDecoding = true;
            if (c == '&')
            {
                ScanReference();
            }
            else
            {
                _pos++;
            }
        }

        var valueEnd = _pos++;

        // Namespace declarations (Namespaces in XML §3) take effect for the element itself, so bind them before resolving.
        var name = s.Slice(nameStart, nameLength);
        var isDeclaration = s[nameStart] == 'x' && (colon < 0 ? name.SequenceEqual("xmlns") : colon - nameStart == 5 && s[nameStart..colon].SequenceEqual("xmlns"));
        if (_attributeCount == _attributes.Length)
        {
            Array.Resize(ref _attributes, _attributeCount * 2);
            Array.Resize(ref _attributeStrings, _attributeCount * 2);
        }

        _attributes[_attributeCount++] = new Attribute(nameStart, nameLength, colon, valueStart, valueEnd, needsDecoding, isDeclaration);
        if (isDeclaration)
        {
            Declare(colon < 0 ? _emptyPrefix : _names.Get(s[(colon + 1)..(nameStart + nameLength)]), valueStart, valueEnd, needsDecoding, nameStart);
        }
        else if (colon >= 0 && s[nameStart] == 'x' && name.SequenceEqual("xml:space"))
        {
            var value = s[valueStart..valueEnd];
            if (value.SequenceEqual("preserve"))
            {
                preserve = true;
            }
            else if (value.SequenceEqual("default"))
            {
                preserve = false;
            }
            else
            {
                throw Fault($"'{value}' is an invalid xml:space value.", valueStart);
            }
        }
    }

    private void Declare(XmlNames.Entry prefix, int valueStart, int valueEnd, bool needsDecoding, int at)
    {
        var uri = needsDecoding ? _names.Add(Decode(valueStart, valueEnd, true, attribute: true)) : _names.Get(Span[valueStart..valueEnd]).Text;
        if (ReferenceEquals(prefix, _xmlnsPrefix))
        {
            throw Fault("Prefix \"xmlns\" is reserved for use by XML.", at);
        }

        if (ReferenceEquals(prefix, _xmlPrefix) ? !ReferenceEquals(uri, _xmlNs) : ReferenceEquals(uri, _xmlNs) || ReferenceEquals(uri, _xmlnsNs))
        {
            throw Fault($"Prefix \"{prefix.Text}\" cannot be mapped to namespace name \"{uri}\".", at);
        }

        if (uri.Length == 0 && !ReferenceEquals(prefix, _emptyPrefix))
        {
            throw Fault($"Invalid namespace declaration: the prefix '{prefix.Text}' cannot be bound to an empty namespace.", at);
        }

        if (_bindingCount == _bindings.Length)
        {
            Array.Resize(ref _bindings, _bindingCount * 2);
        }

        _bindings[_bindingCount++] = new Binding(prefix, prefix.Uri);
        prefix.Uri = uri;
        _bindingVersion++;
    }

    private string Resolve(int nameStart, int colon, bool isAttribute)
    {
        if (colon < 0)
        {
            // Namespaces in XML §6.2: an unprefixed attribute is in no namespace; an unprefixed element is in the default one.
            return isAttribute ? "" : _emptyPrefix.Uri ?? "";
        }

        // Most names in a stretch of a document share one prefix, so the last one looked up is tried before the table.
        var text = Span[nameStart..colon];
        var prefix = _lastPrefix;
        if (prefix is null || !text.SequenceEqual(prefix.Text))
        {
            prefix = _lastPrefix = _names.Get(text);
        }

        return prefix.Uri ?? throw Fault($"'{prefix.Text}' is an undeclared prefix.", nameStart);
    }

    private void ResolveAttributes()
    {
        var s = Span;
        for (var i = 0; i < _attributeCount; i++)
        {
            ref var a = ref _attributes[i];
            var name = s.Slice(a.NameStart, a.NameLength);
            var prefixed = a.Colon >= 0 && !a.IsDeclaration;
            var ns = prefixed ? Resolve(a.NameStart, a.Colon, isAttribute: true) : null;
            if (prefixed)
            {
                StringsOf(i).Namespace = ns;
            }

            // XML 1.0 §3.1 and Namespaces in XML §6.3: no two attributes with one qualified or one expanded name.
            // Names of different lengths or last characters cannot be equal, which settles most pairs without a comparison.
            var last = name[^1];
            for (var j = 0; j < i; j++)
            {
                ref var b = ref _attributes[j];
                var other = s.Slice(b.NameStart, b.NameLength);
                if ((name.Length == other.Length && last == other[^1] && name.SequenceEqual(other))
                    || (prefixed && b.Colon >= 0 && !b.IsDeclaration && ReferenceEquals(ns, _attributeStrings[j].Namespace) && last == other[^1]
                        && s[(a.Colon + 1)..(a.NameStart + a.NameLength)].SequenceEqual(s[(b.Colon + 1)..(b.NameStart + b.NameLength)])))
                {
                    throw Fault($"'{name}' is a duplicate attribute name.", a.NameStart);
                }
            }
        }
    }

    private void ReadEndTag()
    {
        var s = Span;
        var tagStart = _pos;
        if (_depth > 0)
        {
            // The common case: the end tag repeats the open element's name exactly and closes at once, so the name
            // needs no scanning and its namespace is the one the start tag resolved (its bindings are still in force).
            ref var current = ref _frames[_depth - 1];
            var close = tagStart + 2 + current.NameLength;
            if (close < _end && s[close] == '>' && s.Slice(tagStart + 2, current.NameLength).SequenceEqual(s.Slice(current.NameStart, current.NameLength)))
            {
                _nameStart = tagStart + 2;
                _nameLength = current.NameLength;
                _colon = current.Colon < 0 ? -1 : _nameStart + (current.Colon - current.NameStart);
                _pos = close + 1;
                _nodeNamespace = current.Namespace;
                _nodeType = XmlNodeType.EndElement;
                _isEmpty = false;
                _popPending = true;
                return;
            }
        }

        _pos += 2;
        _nameStart = _pos;
        _colon = ScanQName(out _nameLength);
        SkipWhitespace();
        if (_pos >= _end)
        {
            throw UnexpectedEnd();
        }

        if (s[_pos] != '>')
        {
            throw Fault($"'{Describe(s[_pos])}' is an unexpected token. The expected token is '>'.", _pos);
        }

        _pos++;
        var name = s.Slice(_nameStart, _nameLength);
        if (_depth == 0)
        {
            throw Fault($"Unexpected end tag '{name}'.", tagStart);
        }

        ref var open = ref _frames[_depth - 1];
        var openName = s.Slice(open.NameStart, open.NameLength);
        if (!name.SequenceEqual(openName))
        {
            var at = PositionOf(open.TagStart);
            throw Fault($"The '{openName}' start tag on line {at.Line} position {at.Column + 1} does not match the end tag of '{name}'.", _nameStart);
        }

        _nodeNamespace = Resolve(_nameStart, _colon, isAttribute: false);
        _nodeType = XmlNodeType.EndElement;
        _isEmpty = false;
        _popPending = true;
    }

    private void PopElement()
    {
        _popPending = false;
        var mark = _frames[--_depth].BindingMark;
        if (_bindingCount > mark)
        {
            while (_bindingCount > mark)
            {
                ref var b = ref _bindings[--_bindingCount];
                b.Prefix.Uri = b.Previous;
            }

            _bindingVersion++;
        }
    }

    /// <summary>From an open element's start tag, consumes everything up to and including its end tag, checking it all.</summary>
    /// <remarks>
    /// A lean loop rather than <see cref="Read"/>: nothing inside is reported, so character data is only checked (one
    /// vectorized search per run of text) and no node state is set up; start tags take <see cref="TrySkipStartTag"/>.
    /// </remarks>
    private void SkipToEndTag()
    {
        var depth = _depth;
        while (true)
        {
            if (_popPending)
            {
                PopElement();
            }

            if (_pos >= _end)
            {
                throw UnexpectedEnd();
            }

            var s = Span;
            if (s[_pos] != '<')
            {
                SkipCharacterData();
                continue;
            }

            _nodeStart = _pos;
            if (_pos + 1 >= _end)
            {
                throw UnexpectedEnd();
            }

            switch (s[_pos + 1])
            {
                case '/':
                    if (_depth > depth && TrySkipEndTag(s))
                    {
                        break;
                    }

                    ReadEndTag();
                    if (_depth == depth)
                    {
                        _localName = null;
                        _prefix = null;
                        _value = null;
                        return;
                    }

                    break;
                case '?':
                    SkipProcessingInstruction();
                    break;
                case '!':
                    ReadBang();
                    break;
                default:
                    if (!TrySkipStartTag())
                    {
                        ReadStartTag();
                    }

                    break;
            }
        }
    }

    /// <summary>Inside an element: checks the character data up to the next markup (references, no <c>]]&gt;</c>) and moves past it.</summary>
    private void SkipCharacterData()
    {
        var s = Span;
        while (true)
        {
            var block = FirstTextStopInBlocks(s[.._end], _pos);
            if (block >= 0)
            {
                _pos = block;
            }
            else
            {
                var at = s[_pos.._end].IndexOfAny(TextStops);
                if (at < 0)
                {
                    _pos = _end;
                    return;
                }

                _pos += at;
            }

            var c = s[_pos];
            if (c == '<')
            {
                return;
            }

            if (c == '&')
            {
                ScanReference();
            }
            else
            {
                // XML 1.0 §2.4: the sequence ']]>' may not appear in character data.
                if (_pos + 2 < _end && s[_pos + 1] == ']' && s[_pos + 2] == '>')
                {
                    throw Fault("']]>' is not allowed in character data.", _pos);
                }

                _pos++;
            }
        }
    }

    private KeyValuePair<string, string>[] SnapshotBindings()
    {
        if (_snapshot is not null && _snapshotVersion == _bindingVersion)
        {
            return _snapshot;
        }

        // A prefix bound more than once (shadowed) appears once, with the binding in force; no closures, one array.
        var pairs = new KeyValuePair<string, string>[_bindingCount];
        var count = 0;
        for (var i = 0; i < _bindingCount; i++)
        {
            var prefix = _bindings[i].Prefix;
            if (prefix.Uri is not { } uri)
            {
                continue;
            }

            var seen = false;
            for (var j = 0; j < count && !seen; j++)
            {
                seen = ReferenceEquals(pairs[j].Key, prefix.Text);
            }

            if (!seen)
            {
                pairs[count++] = new KeyValuePair<string, string>(prefix.Text, uri);
            }
        }

        _snapshot = count == pairs.Length ? pairs : pairs[..count];
        _snapshotVersion = _bindingVersion;
        return _snapshot;
    }

    // ---------------------------------------------------------------- text and other markup

    private bool ReadText()
    {
        var s = Span;
        var start = _pos;

        // The common case: indentation between tags, skipped with one vectorized search unless xml:space keeps it.
        var markup = FirstNonWhitespaceInBlocks(s[.._end], _pos);
        markup = markup >= 0 ? markup - _pos : s[_pos.._end].IndexOfAnyExcept(Whitespace);
        if (markup >= 0 && s[_pos + markup] == '<' && (_depth == 0 || !_frames[_depth - 1].PreserveSpace))
        {
            _pos += markup;
            return false;
        }

        var needsDecoding = false;
        while (true)
        {
            var at = s[_pos.._end].IndexOfAny(TextStops);
            if (at < 0)
            {
                _pos = _end;
                break;
            }

            _pos += at;
            var c = s[_pos];
            if (c == '<')
            {
                break;
            }

            if (c == '&')
            {
                needsDecoding = true;
                ScanReference();
            }
            else
            {
                // XML 1.0 §2.4: the sequence ']]>' may not appear in character data.
                if (_pos + 2 < _end && s[_pos + 1] == ']' && s[_pos + 2] == '>')
                {
                    throw Fault("']]>' is not allowed in character data.", _pos);
                }

                _pos++;
            }
        }

        // The first search already told whether anything but white space comes before the next markup.
        var isWhitespace = markup < 0 || s[start + markup] == '<';
        if (_depth == 0)
        {
            if (!isWhitespace)
            {
                throw Fault("Data at the root level is invalid.", start + s[start.._pos].IndexOfAnyExcept(Whitespace));
            }

            return false;
        }

        var preserve = _frames[_depth - 1].PreserveSpace;
        if (isWhitespace && !preserve)
        {
            return false;
        }

        _nodeType = isWhitespace ? XmlNodeType.SignificantWhitespace : XmlNodeType.Text;
        _valueStart = start;
        _valueEnd = _pos;
        _valueNeedsDecoding = needsDecoding || _hasCarriageReturn;
        return true;
    }

    /// <summary>At <c>&lt;!</c>: a comment is skipped (false), a CDATA section becomes the current node (true), a DOCTYPE is refused.</summary>
    private bool ReadBang()
    {
        var s = Span;
        var rest = s[_pos.._end];
        if (rest.StartsWith("<!--"))
        {
            var body = _pos + 4;
            var close = s[body.._end].IndexOf("--");
            if (close < 0)
            {
                _pos = _end;
                throw UnexpectedEnd();
            }

            _pos = body + close;
            if (_pos + 2 >= _end)
            {
                _pos = _end;
                throw UnexpectedEnd();
            }

            if (s[_pos + 2] != '>')
            {
                throw Fault("An XML comment cannot contain '--', and '-' cannot be the last character.", _pos);
            }

            _pos += 3;
            return false;
        }

        if (rest.StartsWith("<![CDATA["))
        {
            if (_depth == 0)
            {
                throw Fault("Data at the root level is invalid.", _pos);
            }

            var body = _pos + 9;
            var close = s[body.._end].IndexOf("]]>");
            if (close < 0)
            {
                _pos = _end;
                throw UnexpectedEnd();
            }

            _nodeType = XmlNodeType.CDATA;
            _valueStart = body;
            _valueEnd = body + close;
            _valueNeedsDecoding = _hasCarriageReturn;
            _pos = _valueEnd + 3;
            return true;
        }

        if (rest.StartsWith("<!DOCTYPE"))
        {
            // The DTD is refused before a byte of it is read: no internal subset, no external entity, nothing expanded.
            throw Fault("For security reasons DTD is prohibited in this XML document.", _pos);
        }

        if (rest.Length < 9 && ("<!DOCTYPE".StartsWith(rest, StringComparison.Ordinal) || "<![CDATA[".StartsWith(rest, StringComparison.Ordinal) || rest.SequenceEqual("<!-")))
        {
            _pos = _end;
            throw UnexpectedEnd();
        }

        throw Fault("Unexpected '<!': expected a comment, a CDATA section or a DOCTYPE.", _pos);
    }

    private void SkipProcessingInstruction()
    {
        var s = Span;
        var start = _pos;
        _pos += 2;
        var colon = ScanQName(out var length);
        var target = s.Slice(start + 2, length);
        if (colon >= 0)
        {
            throw Fault("A processing instruction name cannot contain ':'.", start + 2);
        }

        var close = s[_pos.._end].IndexOf("?>");
        if (close < 0)
        {
            _pos = _end;
            throw UnexpectedEnd();
        }

        if (close > 0 && !Whitespace.Contains(s[_pos]))
        {
            throw Fault($"'{Describe(s[_pos])}' is an unexpected token. Expecting white space.", _pos);
        }

        var body = s.Slice(_pos, close);
        _pos += close + 2;
        if (target.Equals("xml", StringComparison.OrdinalIgnoreCase))
        {
            var first = s.Length > 0 && s[0] == '\uFEFF' ? 1 : 0;
            if (start != first || !target.SequenceEqual("xml"))
            {
                throw Fault("Unexpected XML declaration. The XML declaration must be the first node in the document, and no whitespace characters are allowed to appear before it.", start);
            }

            CheckDeclaration(body, start);
        }
    }

    private void CheckDeclaration(ReadOnlySpan<char> body, int at)
    {
        // XML 1.0 §2.8 [23]: version first, then optionally encoding, then optionally standalone; like XmlReader, only version 1.0.
        var rest = body.Trim(" \t\r\n");
        string[] names = ["version", "encoding", "standalone"];
        var next = 0;
        while (rest.Length > 0)
        {
            var eq = rest.IndexOf('=');
            if (eq <= 0)
            {
                throw Fault("The XML declaration is malformed.", at);
            }

            var name = rest[..eq].TrimEnd(" \t\r\n");
            var index = -1;
            for (var i = next; i < names.Length && index < 0; i++)
            {
                index = name.SequenceEqual(names[i]) ? i : -1;
            }

            if (index < 0 || (next == 0 && index != 0))
            {
                throw Fault($"'{name}' is an unexpected token in the XML declaration.", at);
            }

            next = index + 1;
            rest = rest[(eq + 1)..].TrimStart(" \t\r\n");
            if (rest.Length == 0 || rest[0] is not ('"' or '\''))
            {
                throw Fault("The XML declaration is malformed: a value must be quoted.", at);
            }

            var close = rest[1..].IndexOf(rest[0]);
            if (close < 0)
            {
                throw Fault("The XML declaration is malformed: a value is not closed.", at);
            }

            var value = rest.Slice(1, close);
            if ((index == 0 && !value.SequenceEqual("1.0")) || (index == 2 && !value.SequenceEqual("yes") && !value.SequenceEqual("no")) || (index == 1 && value.Length == 0))
            {
                throw Fault($"'{value}' is an invalid value for '{name}' in the XML declaration.", at);
            }

            rest = rest[(close + 2)..];
            if (rest.Length > 0 && !Whitespace.Contains(rest[0]))
            {
                throw Fault("The XML declaration is malformed: white space must separate its parts.", at);
            }

            rest = rest.TrimStart(" \t\r\n");
        }

        if (next == 0)
        {
            throw Fault("The XML declaration must have a version.", at);
        }
    }

    // ---------------------------------------------------------------- lexical pieces

    /// <summary>Scans a qualified name at the current position; returns the index of its colon, or -1.</summary>
    private int ScanQName(out int length)
    {
        // Fast path for the usual all-ASCII name with at most one well-placed colon: a table walk, which costs less than
        // setting up a vector search for names this short. Anything else (non-ASCII, the end of the input, a fault) takes
        // the character loop, which reports faults.
        var s = new ReadOnlySpan<char>(_chars, 0, _end);
        var start = _pos;
        if ((uint)start < (uint)s.Length && IsAsciiNameStart(s[start]))
        {
            var end = EndOfAsciiName(s, start + 1, out var colons);
            if (end >= 0 && s[end] < 128)
            {
                // Namespaces in XML §4: one colon at most, with a name start character after it.
                var at = colons == 0 ? -1 : start + 1 + BitOperations.TrailingZeroCount(colons);
                if (colons == 0 || (BitOperations.IsPow2(colons) && at + 1 < end && IsAsciiNameStart(s[at + 1])))
                {
                    _pos = end;
                    length = end - start;
                    return at;
                }
            }

            var table = AsciiNameChars;
            var colon = -1;
            var p = start + 1;
            while ((uint)p < (uint)s.Length)
            {
                var c = s[p];
                if (c < 128 && table[c] != 0)
                {
                    p++;
                    continue;
                }

                if (c == ':' && colon < 0 && p + 1 < s.Length && IsAsciiNameStart(s[p + 1]))
                {
                    // A prefix; the local part must start with a name-start character and hold no second colon.
                    colon = p;
                    p += 2;
                    continue;
                }

                if (c < 128 && c != ':')
                {
                    _pos = p;
                    length = p - start;
                    return colon;
                }

                break;
            }
        }

        return ScanQNameByCharacter(out length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiNameStart(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_';

    private int ScanQNameByCharacter(out int length)
    {
        var s = new ReadOnlySpan<char>(_chars, 0, _end);
        var start = _pos;
        var p = start;
        var colon = -1;
        if (p >= s.Length)
        {
            throw UnexpectedEnd();
        }

        if (!IsNameStart(s[p]))
        {
            throw Fault(NameFault(s[p]), p);
        }

        p++;
        while (p < s.Length)
        {
            var c = s[p];
            if (c < 128 ? AsciiNameChars[c] == 0 : !XmlConvert.IsNCNameChar(c))
            {
                if (c != ':')
                {
                    break;
                }

                // Namespaces in XML §4: at most one colon, with a name on each side.
                if (colon >= 0 || p + 1 >= s.Length || !IsNameStart(s[p + 1]))
                {
                    _pos = p;
                    if (p + 1 >= s.Length)
                    {
                        _pos = _end;
                        throw UnexpectedEnd();
                    }

                    throw Fault(NameFault(colon >= 0 ? c : s[p + 1]), colon >= 0 ? p : p + 1);
                }

                colon = p;
            }

            p++;
        }

        _pos = p;
        length = p - start;
        return colon;
    }

    // ASCII letters, digits, '_', '-', '.': the NCName characters below 128 (Namespaces in XML §3 [4]).
    private static ReadOnlySpan<byte> AsciiNameChars =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];

    private static string NameFault(char c) => $"Name cannot begin with the '{Describe(c)}' character, hexadecimal value 0x{(int)c:X2}.";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNameStart(char c) => c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_' : XmlConvert.IsStartNCNameChar(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool SkipWhitespace()
    {
        var s = new ReadOnlySpan<char>(_chars, 0, _end);
        var start = _pos;
        if ((uint)start >= (uint)s.Length || s[start] > ' ')
        {
            return false;
        }

        return SkipWhitespaceFrom(s, start);
    }

    private bool SkipWhitespaceFrom(ReadOnlySpan<char> s, int start)
    {
        var p = start;
        while (p < s.Length && s[p] is ' ' or '\t' or '\n' or '\r')
        {
            p++;
        }

        _pos = p;
        return p > start;
    }

    /// <summary>At <c>&amp;</c>: checks one entity or character reference (XML 1.0 §4.1) and moves past it.</summary>
    private void ScanReference()
    {
        var s = Span;
        var start = _pos;
        var semicolon = s[_pos.._end].IndexOf(';');
        if (semicolon < 0)
        {
            if (s[_pos.._end].IndexOfAny('<', '"', '\'') < 0)
            {
                _pos = _end;
                throw UnexpectedEnd();
            }

            throw Fault("An entity reference is not closed with ';'.", start);
        }

        var body = s.Slice(_pos + 1, semicolon - 1);
        _pos += semicolon + 1;
        if (body.Length > 1 && body[0] == '#')
        {
            if (DecodeCharReference(body) < 0)
            {
                throw Fault($"Invalid character reference '&{body};'.", start);
            }

            return;
        }

        if (PredefinedEntity(body) == '\0')
        {
            throw Fault(body.Length == 0 || !IsNameStart(body[0]) ? "An entity reference must name an entity: '&' is written '&amp;'." : $"Reference to undeclared entity '{body}'.", start);
        }
    }

    private static char PredefinedEntity(ReadOnlySpan<char> name) => name switch
    {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => '\0',
    };

    /// <summary>The code point of <c>#NN</c> or <c>#xHH</c> if it is a character XML allows (XML 1.0 §2.2), else -1.</summary>
    private static int DecodeCharReference(ReadOnlySpan<char> body)
    {
        var hex = body[1] == 'x';
        var digits = body[(hex ? 2 : 1)..];
        if (digits.Length is 0 or > 8)
        {
            return -1;
        }

        var value = 0;
        foreach (var c in digits)
        {
            int d;
            if ((uint)(c - '0') <= 9)
            {
                d = c - '0';
            }
            else if (hex && (uint)((c | 0x20) - 'a') <= 5)
            {
                d = (c | 0x20) - 'a' + 10;
            }
            else
            {
                return -1;
            }

            value = (value * (hex ? 16 : 10)) + d;
            if (value > 0x10FFFF)
            {
                return -1;
            }
        }

        var allowed = value is 0x9 or 0xA or 0xD || (value >= 0x20 && value <= 0xD7FF) || (value >= 0xE000 && value <= 0xFFFD) || value >= 0x10000;
        return allowed ? value : -1;
    }

    /// <summary>The value of a checked text or attribute slice: references replaced, line ends normalized (§2.11), attribute white space normalized (§3.3.3).</summary>
    private string Decode(int start, int end, bool needsDecoding, bool attribute)
    {
        var raw = Span[start..end];
        if (!needsDecoding || raw.IndexOfAny(attribute ? NeedsNormalizing : CarriageReturnOrAmpersand) < 0)
        {
            return new string(raw);
        }

        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            switch (c)
            {
                case '\r':
                    if (i + 1 < raw.Length && raw[i + 1] == '\n')
                    {
                        i++;
                    }

                    builder.Append(attribute ? ' ' : '\n');
                    break;
                case '\n' or '\t' when attribute:
                    builder.Append(' ');
                    break;
                case '&':
                {
                    var semicolon = raw[i..].IndexOf(';');
                    var body = raw.Slice(i + 1, semicolon - 1);
                    if (body[0] == '#')
                    {
                        var code = DecodeCharReference(body);
                        if (code >= 0x10000)
                        {
                            builder.Append(char.ConvertFromUtf32(code));
                        }
                        else
                        {
                            builder.Append((char)code);
                        }
                    }
                    else
                    {
                        builder.Append(PredefinedEntity(body));
                    }

                    i += semicolon;
                    break;
                }

                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static readonly SearchValues<char> CarriageReturnOrAmpersand = SearchValues.Create("&\r");

    private string DecodeCData(int start, int end)
    {
        var raw = Span[start..end];
        return raw.Contains('\r') ? new string(raw).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : new string(raw);
    }

    // ---------------------------------------------------------------- positions and faults

    /// <summary>The 1-based line and column of a character index (line ends as XML 1.0 §2.11 counts them).</summary>
    public SourcePosition PositionOf(int index)
    {
        var s = Span;
        index = Math.Min(index, _length);
        if (index < _lineIndex)
        {
            _lineIndex = 0;
            _lineNumber = 1;
            _lineStart = 0;
        }

        var between = s[_lineIndex..index];
        if (!_hasCarriageReturn)
        {
            var count = between.Count('\n');
            if (count > 0)
            {
                _lineNumber += count;
                _lineStart = _lineIndex + between.LastIndexOf('\n') + 1;
            }
        }
        else
        {
            for (var i = _lineIndex; i < index; i++)
            {
                if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= _length || s[i + 1] != '\n')))
                {
                    _lineNumber++;
                    _lineStart = i + 1;
                }
            }
        }

        _lineIndex = index;
        return new SourcePosition(_lineNumber, index - _lineStart + 1);
    }

    private XmlException UnexpectedEnd()
    {
        if (_end < _length || _faultAtEnd is not null)
        {
            return Fault(_faultAtEnd ?? "Unexpected end of file.", _end);
        }

        var open = _depth > 0 ? $" The element '{Span.Slice(_frames[_depth - 1].NameStart, _frames[_depth - 1].NameLength)}' is not closed." : "";
        return Fault("Unexpected end of file has occurred." + open, _end);
    }

    private XmlException Fault(string message, int index)
    {
        var at = PositionOf(index);
        return new XmlException(message, null, at.Line, at.Column);
    }

    private static string Describe(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        < ' ' => "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
        _ => c.ToString(),
    };

    private static int FindInvalidChar(ReadOnlySpan<char> text)
    {
        // XML 1.0 §2.2 Char: everything below 0x20 but tab, LF and CR; U+FFFE, U+FFFF; surrogates only as pairs.
        // Three vectorized passes; the first hit in document order wins.
        var control = text.IndexOfAny(InvalidControls);
        var limit = control < 0 ? text.Length : control;
        var special = text[..limit].IndexOfAny('\uFFFE', '\uFFFF');
        if (special >= 0)
        {
            limit = special;
        }

        var offset = 0;
        while (offset < limit)
        {
            var at = text[offset..limit].IndexOfAnyInRange('\uD800', '\uDFFF');
            if (at < 0)
            {
                break;
            }

            at += offset;
            if (char.IsHighSurrogate(text[at]) && at + 1 < text.Length && char.IsLowSurrogate(text[at + 1]))
            {
                offset = at + 2;
                continue;
            }

            return at;
        }

        return limit < text.Length ? limit : -1;
    }

    private static string BuildInvalidControls()
    {
        var chars = new StringBuilder();
        for (var c = 0; c < 0x20; c++)
        {
            if (c is not (0x9 or 0xA or 0xD))
            {
                chars.Append((char)c);
            }
        }

        return chars.ToString();
    }

    private readonly record struct Frame(int TagStart, int NameStart, int NameLength, int Colon, int BindingMark, bool PreserveSpace, string Namespace);

    private readonly record struct Binding(XmlNames.Entry Prefix, string? Previous);

    private struct Attribute(int nameStart, int nameLength, int colon, int valueStart, int valueEnd, bool needsDecoding, bool isDeclaration)
    {
        public readonly bool IsDeclaration = isDeclaration;
        public readonly int NameStart = nameStart;
        public readonly int NameLength = nameLength;
        public readonly int Colon = colon;
        public readonly int ValueStart = valueStart;
        public readonly int ValueEnd = valueEnd;
        public readonly bool NeedsDecoding = needsDecoding;
    }

    private struct AttributeStrings
    {
        public int Generation;
        public string? Namespace;
        public string? LocalName;
        public string? Value;
    }
}
