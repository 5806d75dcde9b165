using System.Xml.Linq;

namespace Crm.Bpm.Engine.Comparison;

/// <summary>Compares verbatim XML snapshots by meaning: expanded names, attribute sets and content, not prefixes, declarations or layout whitespace.</summary>
internal static class VerbatimXml
{
    public static bool Equivalent(XElement left, XElement right)
    {
        if (left.Name != right.Name)
        {
            return false;
        }

        var leftAttributes = DataAttributes(left);
        var rightAttributes = DataAttributes(right);
        if (leftAttributes.Count != rightAttributes.Count)
        {
            return false;
        }

        foreach (var (name, value) in leftAttributes)
        {
            if (!rightAttributes.TryGetValue(name, out var other) || other != value)
            {
                return false;
            }
        }

        var leftNodes = Content(left);
        var rightNodes = Content(right);
        if (leftNodes.Count != rightNodes.Count)
        {
            return false;
        }

        for (var i = 0; i < leftNodes.Count; i++)
        {
            switch (leftNodes[i], rightNodes[i])
            {
                case (XElement a, XElement b):
                    if (!Equivalent(a, b))
                    {
                        return false;
                    }

                    break;
                case (string a, string b):
                    if (a != b)
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private static Dictionary<XName, string> DataAttributes(XElement element)
    {
        var map = new Dictionary<XName, string>();
        foreach (var attribute in element.Attributes())
        {
            if (!attribute.IsNamespaceDeclaration)
            {
                map[attribute.Name] = attribute.Value;
            }
        }

        return map;
    }

    /// <summary>Child elements and merged text runs; whitespace-only text (indentation) is dropped.</summary>
    private static List<object> Content(XElement element)
    {
        var content = new List<object>();
        string? text = null;
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    text = text is null ? t.Value : text + t.Value;
                    break;
                case XElement child:
                    Flush();
                    content.Add(child);
                    break;
            }
        }

        Flush();
        return content;

        void Flush()
        {
            if (text is not null && !string.IsNullOrWhiteSpace(text))
            {
                content.Add(text);
            }

            text = null;
        }
    }
}
