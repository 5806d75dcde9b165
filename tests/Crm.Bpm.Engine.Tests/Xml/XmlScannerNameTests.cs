using System.Xml;
using Crm.Bpm.Engine.Xml;

namespace Crm.Bpm.Engine.Tests.Xml;

/// <summary>Element and attribute names (Namespaces in XML §3-§4): the scanner accepts and refuses what <see cref="XmlReader"/> does, at the same place.</summary>
public sealed class XmlScannerNameTests
{
    [Theory]
    [InlineData("<a-b.c_d9 xmlns:p='u' p:x-y.z='1' q_r='2'/>")]
    [InlineData("<a1:b2 xmlns:a1='u'><a1:b2/></a1:b2>")]
    [InlineData("<é:b xmlns:é='u' é:ü='1'/>")]
    [InlineData("<r>\n  <a:b:c xmlns:a='u'/></r>")]
    [InlineData("<r>\n  <a: xmlns:a='u'/></r>")]
    [InlineData("<r>\n  <:a/></r>")]
    [InlineData("<r>\n  <a:1b xmlns:a='u'/></r>")]
    [InlineData("<r>\n  <a x:='1'/></r>")]
    [InlineData("<r>\n  <a x::y='1'/></r>")]
    [InlineData("<r>\n  <a b!='1'/></r>")]
    [InlineData("<r>\n  <a\u00A0b/></r>")]
    [InlineData("<r>\n  <ab")]
    [InlineData("<r>\n  <a:")]
    public void Names_AreAcceptedAndRefusedAsXmlReaderDoes(string xml)
    {
        var expected = Fault(() =>
        {
            using var reader = XmlReader.Create(new StringReader(xml), SecureXmlSettings.Create());
            while (reader.Read())
            {
            }
        });

        var actual = Fault(() =>
        {
            using var scanner = XmlScanner.FromText(xml);
            while (scanner.Read())
            {
            }
        });

        (actual?.LineNumber, actual?.LinePosition).Should().Be((expected?.LineNumber, expected?.LinePosition), $"XmlReader says: {expected?.Message ?? "well-formed"}; the scanner says: {actual?.Message ?? "well-formed"}");
    }

    private static XmlException? Fault(Action read)
    {
        try
        {
            read();
            return null;
        }
        catch (XmlException e)
        {
            return e;
        }
    }
}
