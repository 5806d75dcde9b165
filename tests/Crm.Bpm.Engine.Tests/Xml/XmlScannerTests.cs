using System.Xml;
using System.Xml.Linq;
using Crm.Bpm.Engine.Xml;

namespace Crm.Bpm.Engine.Tests.Xml;

/// <summary>The parser's own XML scanner: what it reports for well-formed input and where it stops on broken input.</summary>
public sealed class XmlScannerTests
{
    private static List<XmlEvent> Scan(string xml)
    {
        using var scanner = XmlScanner.FromText(xml);
        return XmlEvent.From(scanner);
    }

    private static XmlException Fails(string xml)
    {
        var act = () => Scan(xml);
        return act.Should().Throw<XmlException>().Which;
    }

    [Fact]
    public void Text_ReplacesPredefinedEntitiesAndCharacterReferences()
    {
        var events = Scan("<a>x &amp; y &lt; z &gt; &quot;q&quot; &apos;s&apos; &#65;&#x42;&#x1F600;</a>");

        events.Should().Contain(new XmlEvent("text", "", "", "x & y < z > \"q\" 's' AB\U0001F600"));
    }

    [Fact]
    public void CData_IsKeptLiterally()
    {
        var events = Scan("<a><![CDATA[if (a < b && c) { x = \"&amp;\"; }]]></a>");

        events.Should().Contain(new XmlEvent("text", "", "", "if (a < b && c) { x = \"&amp;\"; }"));
    }

    [Fact]
    public void Attributes_AcceptBothQuoteKinds_AndNormalizeWhitespace()
    {
        using var scanner = XmlScanner.FromText("<a one=\"it's\" two='say \"hi\"' three=\"a\tb\r\nc&#10;d\"/>");
        scanner.Read();

        Enumerable.Range(0, scanner.AttributeCount).Select(i => (scanner.AttributeLocalName(i), scanner.AttributeValue(i)))
            .Should().Equal(("one", "it's"), ("two", "say \"hi\""), ("three", "a b c\nd"));
        scanner.IsEmptyElement.Should().BeTrue();
    }

    [Fact]
    public void Prefixes_ResolveToTheInnermostDeclaration_AndOuterBindingsComeBack()
    {
        var events = Scan("""
            <p:a xmlns:p="urn:outer" xmlns="urn:default">
              <p:b xmlns:p="urn:inner"><c/></p:b>
              <p:d/>
              <e xmlns=""/>
            </p:a>
            """);

        events.Where(e => e.Kind == "start").Select(e => (e.Name, e.Namespace)).Should().Equal(
            ("a", "urn:outer"), ("b", "urn:inner"), ("c", "urn:default"), ("d", "urn:outer"), ("e", ""));
    }

    [Fact]
    public void Positions_AreTheLineAndColumnOfEachElementsOpeningBracket()
    {
        using var scanner = XmlScanner.FromText("<?xml version=\"1.0\"?>\n<root>\n  <child a='1'/>\n\t<other>text</other></root>");
        var positions = new List<(string, int, int)>();
        while (scanner.Read())
        {
            if (scanner.NodeType == XmlNodeType.Element)
            {
                positions.Add((scanner.LocalName, scanner.Position.Line, scanner.Position.Column));
            }
        }

        positions.Should().Equal(("root", 2, 1), ("child", 3, 3), ("other", 4, 2));
    }

    [Theory]
    [InlineData("<a>\n  <b></c>\n</a>", 2, "does not match the end tag")]
    [InlineData("<a>\n<b>text", 2, "Unexpected end of file")]
    [InlineData("<a>\n  <p:b/>\n</a>", 2, "undeclared prefix")]
    [InlineData("<a x='1'\n x='2'/>", 2, "duplicate attribute")]
    [InlineData("<a>\n  bad \u0001 char</a>", 2, "invalid character")]
    [InlineData("<a>&nbsp;</a>", 1, "undeclared entity")]
    [InlineData("<a>&#xD800;</a>", 1, "Invalid character reference")]
    [InlineData("<a b='<'/>", 1, "invalid attribute character")]
    [InlineData("<a/>\n<b/>", 2, "multiple root elements")]
    [InlineData("<a>]]></a>", 1, "']]>' is not allowed")]
    [InlineData("<a><!-- x -- y --></a>", 1, "comment")]
    [InlineData("\n<?xml version='1.0'?><a/>", 2, "XML declaration")]
    [InlineData("<a xmlns:p=''/>", 1, "empty namespace")]
    [InlineData("", 1, "Root element is missing")]
    public void BrokenXml_IsReportedWithItsLine(string xml, int line, string message)
    {
        var error = Fails(xml);

        error.LineNumber.Should().Be(line);
        error.Message.Should().ContainEquivalentOf(message);
    }

    [Fact]
    public void MismatchedEndTag_NamesBothTagsAndTheColumn()
    {
        var error = Fails("<a>\n  <b></c>\n</a>");

        error.LinePosition.Should().Be(8, "the column of the end tag's name");
        error.Message.Should().Contain("'b' start tag on line 2");
    }

    [Fact]
    public void Doctype_IsRefusedAtItsPosition_WithoutReadingIt()
    {
        var error = Fails("<?xml version=\"1.0\"?>\n<!DOCTYPE a [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n<a>&x;</a>");

        error.Message.Should().Contain("DTD");
        (error.LineNumber, error.LinePosition).Should().Be((2, 1));
    }

    [Fact]
    public void Bytes_WithUtf16ByteOrderMark_AreDecoded()
    {
        var bytes = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("<a>\u00e9t\u00e9</a>")).ToArray();

        using var scanner = XmlScanner.FromBytes(bytes);

        XmlEvent.From(scanner).Should().Contain(new XmlEvent("text", "", "", "\u00e9t\u00e9"));
    }

    [Fact]
    public void Bytes_InAnotherDeclaredEncoding_AreDecoded()
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\u00e9</a>");

        using var scanner = XmlScanner.FromBytes(bytes);

        XmlEvent.From(scanner).Should().Contain(new XmlEvent("text", "", "", "caf\u00e9"));
    }

    [Fact]
    public void Bytes_ThatAreNotUtf8_AreReportedWhereTheyStand()
    {
        byte[] bytes = [.. "<a>\nok "u8, 0xC3, 0x28, .. "</a>"u8];

        using var scanner = XmlScanner.FromBytes(bytes);
        var act = () => XmlEvent.From(scanner);

        act.Should().Throw<XmlException>().Which.Should().BeEquivalentTo(new { LineNumber = 2 }, o => o.ExcludingMissingMembers());
    }

    [Fact]
    public void Verbatim_BuildsTheSameElementAsLinqToXml_IncludingOuterPrefixes()
    {
        const string Xml = """
            <r xmlns:v="urn:vendor" xmlns="urn:default">
              <v:ext v:flag="yes" plain='1'><v:item>a &amp; b</v:item><inner><![CDATA[<x>]]></inner><!-- dropped --></v:ext>
              <after/>
            </r>
            """;
        using var scanner = XmlScanner.FromText(Xml);
        scanner.Read();
        scanner.Read();

        var verbatim = scanner.ReadVerbatim();

        scanner.LocalName.Should().Be("after", "the scanner moves past the kept element");
        verbatim.Name.Should().Be(XName.Get("ext", "urn:vendor"));
        var expected = XElement.Parse(Xml).Elements().First();
        expected.DescendantNodes().OfType<XComment>().ToList().ForEach(c => c.Remove());
        XNode.DeepEquals(verbatim.Element, expected).Should().BeTrue($"{verbatim.Element} should equal {expected}");
        verbatim.Element.Should().BeSameAs(verbatim.Element, "it is built once");
    }

    [Fact]
    public void Verbatim_UnderXmlSpacePreserve_KeepsWhitespace()
    {
        using var scanner = XmlScanner.FromText("<r xml:space='preserve'><e> <i/> </e></r>");
        scanner.Read();
        scanner.Read();

        var verbatim = scanner.ReadVerbatim();

        verbatim.Element.Nodes().OfType<XText>().Select(t => t.Value).Should().Equal(" ", " ");
    }
}
