using System.Text;
using System.Xml;
using Crm.Bpm.Engine.Xml;

namespace Crm.Bpm.Engine.Tests.Xml;

/// <summary>Where a reference reader finds the first well-formedness fault in a text: XmlReader, or the scanner reading every node (no subtree skipped).</summary>
internal static class XmlFaults
{
    /// <summary>XmlReader's fault with the parser's secure settings, or null when it reads the whole text.</summary>
    public static XmlException? FromXmlReader(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), SecureXmlSettings.Create());
            while (reader.Read())
            {
            }

            return null;
        }
        catch (XmlException e)
        {
            return e;
        }
    }

    /// <summary>The scanner's fault when it reports every node of the UTF-8 encoded text, or null when it reads it all.</summary>
    public static XmlException? FromFullRead(string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        try
        {
            using var scanner = XmlScanner.FromBytes(bytes, bytes.Length);
            while (scanner.Read())
            {
            }

            return null;
        }
        catch (XmlException e)
        {
            return e;
        }
    }
}
