using System.Xml;
using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model;

/// <summary>An element kept verbatim: either an <see cref="XElement"/> already, or its source text, turned into one only when someone asks.</summary>
/// <remarks>
/// Most of a large model's foreign content (other vendors' extension elements) is never looked at, so the parser keeps
/// the raw slice and the namespaces in scope around it, and parses it with the same secure settings on first use.
/// Thread-safe: concurrent first reads agree on one instance.
/// </remarks>
internal sealed class VerbatimElement
{
    private readonly byte[]? _source;
    private readonly KeyValuePair<string, string>[]? _namespaces;
    private readonly bool _preserveSpace;
    private readonly string? _localName;
    private readonly string? _namespace;
    private XName? _name;
    private XElement? _element;

    public VerbatimElement(XElement element)
    {
        _element = element;
        _name = element.Name;
    }

    /// <param name="localName">The element's local name.</param>
    /// <param name="namespaceName">The element's namespace.</param>
    /// <param name="source">The well-formed source text of the element, from its start tag to its end tag, in UTF-8.</param>
    /// <param name="namespaces">Prefix-to-namespace bindings in scope around the element (the empty prefix is the default namespace).</param>
    /// <param name="preserveSpace">Whether an ancestor set <c>xml:space="preserve"</c>.</param>
    public VerbatimElement(string localName, string namespaceName, byte[] source, KeyValuePair<string, string>[] namespaces, bool preserveSpace)
    {
        _localName = localName;
        _namespace = namespaceName;
        _source = source;
        _namespaces = namespaces;
        _preserveSpace = preserveSpace;
    }

    /// <summary>The expanded name, made on first use: <see cref="XName.Get(string, string)"/> goes through a global, locked table.</summary>
    public XName Name => _name ??= XName.Get(_localName!, _namespace!);

    public XElement Element => _element ?? Interlocked.CompareExchange(ref _element, Parse(), null) ?? _element!;

    private XElement Parse()
    {
        var names = new NameTable();
        var manager = new XmlNamespaceManager(names);
        foreach (var (prefix, uri) in _namespaces!)
        {
            manager.AddNamespace(prefix, uri);
        }

        var context = new XmlParserContext(names, manager, null, _preserveSpace ? XmlSpace.Preserve : XmlSpace.None);
        using var reader = XmlReader.Create(new StringReader(System.Text.Encoding.UTF8.GetString(_source!)), Xml.SecureXmlSettings.Create(), context);
        reader.MoveToContent();
        return (XElement)XNode.ReadFrom(reader);
    }
}
