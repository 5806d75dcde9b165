using System.Text;
using System.Xml;
using Crm.Bpm.Engine.Xml;

namespace Crm.Bpm.Engine.Tests.Xml;

/// <summary>One step of an XML document as a reader sees it: a start tag, an attribute, merged text, or an end tag.</summary>
/// <param name="Kind"><c>start</c>, <c>attr</c>, <c>text</c> or <c>end</c>.</param>
/// <param name="Name">The local name of the element or attribute; empty for text.</param>
/// <param name="Namespace">The namespace of the element or attribute; empty for text.</param>
/// <param name="Value">The attribute value or text; the prefix for a start tag.</param>
internal sealed record XmlEvent(string Kind, string Name, string Namespace, string Value)
{
    /// <summary>The events of the whole document as <see cref="XmlScanner"/> reports them.</summary>
    public static List<XmlEvent> From(XmlScanner scanner)
    {
        var events = new List<XmlEvent>();
        var text = new StringBuilder();
        while (scanner.Read())
        {
            switch (scanner.NodeType)
            {
                case XmlNodeType.Element:
                    Flush(events, text);
                    events.Add(new XmlEvent("start", scanner.LocalName, scanner.NamespaceURI, scanner.Prefix));
                    for (var i = 0; i < scanner.AttributeCount; i++)
                    {
                        events.Add(new XmlEvent("attr", scanner.AttributeLocalName(i), scanner.AttributeNamespace(i), scanner.AttributeValue(i)));
                    }

                    if (scanner.IsEmptyElement)
                    {
                        events.Add(new XmlEvent("end", scanner.LocalName, scanner.NamespaceURI, ""));
                    }

                    break;
                case XmlNodeType.EndElement:
                    Flush(events, text);
                    events.Add(new XmlEvent("end", scanner.LocalName, scanner.NamespaceURI, ""));
                    break;
                default:
                    text.Append(scanner.Value);
                    break;
            }
        }

        Flush(events, text);
        return events;
    }

    /// <summary>The events of the whole document as <see cref="XmlReader"/> reports them with the parser's former settings.</summary>
    public static List<XmlEvent> From(XmlReader reader)
    {
        var events = new List<XmlEvent>();
        var text = new StringBuilder();
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    Flush(events, text);
                    var empty = reader.IsEmptyElement;
                    var (name, ns) = (reader.LocalName, reader.NamespaceURI);
                    events.Add(new XmlEvent("start", name, ns, reader.Prefix));
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            events.Add(new XmlEvent("attr", reader.LocalName, reader.NamespaceURI, reader.Value));
                        }
                        while (reader.MoveToNextAttribute());
                    }

                    if (empty)
                    {
                        events.Add(new XmlEvent("end", name, ns, ""));
                    }

                    break;
                case XmlNodeType.EndElement:
                    Flush(events, text);
                    events.Add(new XmlEvent("end", reader.LocalName, reader.NamespaceURI, ""));
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    text.Append(reader.Value);
                    break;
            }
        }

        Flush(events, text);
        return events;
    }

    private static void Flush(List<XmlEvent> events, StringBuilder text)
    {
        if (text.Length > 0)
        {
            events.Add(new XmlEvent("text", "", "", text.ToString()));
            text.Clear();
        }
    }
}
