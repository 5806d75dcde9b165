using System.Text;
using System.Xml;
using System.Xml.Linq;
using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Xml;

namespace Crm.Bpm.Engine.Tests.Xml;

/// <summary>Other vendors' extension content, kept verbatim: still checked for well-formedness, and kept exactly, from UTF-8 files too.</summary>
public sealed class VerbatimContentTests
{
    private const string Template = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:v="urn:vendor" id="D" targetNamespace="urn:t">
          <bpmn:process id="P" name="Grüße 中文 😀">
            <bpmn:extensionElements>
              <v:data note="é 😀">
                CONTENT
              </v:data>
            </bpmn:extensionElements>
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static BpmnParseResult ParseUtf8(string xml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return BpmnParser.Parse(stream, "vendor.bpmn");
    }

    [Theory]
    [InlineData("<v:a></v:b>")]
    [InlineData("<v:a x=1/>")]
    [InlineData("<v:a x=\"1\" x=\"2\"/>")]
    [InlineData("<w:a/>")]
    [InlineData("<v:a>x ]]> y</v:a>")]
    [InlineData("<v:a><!-- never closed </v:a>")]
    [InlineData("<v:a><![CDATA[ never closed </v:a>")]
    [InlineData("ü <v:a>ß</v:a> 😀 </v:data></bpmn:extensionElements>")]
    public void MalformedExtensionContent_IsReportedWhereXmlReaderReportsIt(string content)
    {
        var xml = Template.Replace("CONTENT", content, StringComparison.Ordinal);
        var expected = XmlReaderFault(xml);

        var result = ParseUtf8(xml);

        result.Definitions.Should().BeNull();
        var finding = result.Diagnostics.Should().ContainSingle().Subject;
        finding.Should().BeEquivalentTo(new { Code = BpmnDiagnosticCodes.NotWellFormed, File = "vendor.bpmn", Line = expected.LineNumber, Column = expected.LinePosition });
    }

    /// <summary>Faults the skipper's lean path hands back to the full start-tag check: reported where reading every node with the scanner reports them (for some, XmlReader names a neighbouring column).</summary>
    [Theory]
    [InlineData("<v:a b=\"1\"c=\"2\"/>")]
    [InlineData("<v:a b=\"x<y\"/>")]
    [InlineData("<v:a b='x<y'/>")]
    [InlineData("<v:a b=\"&bogus;\"/>")]
    [InlineData("<v:a b=\"&#0;\"/>")]
    [InlineData("<v:a b=\"&#x110000;\"/>")]
    [InlineData("<v:a b=\"&amp\"/>")]
    [InlineData("<v:a b=\"& amp;\"/>")]
    [InlineData("<v:a xmlns:w=\"urn:vendor\" v:b=\"1\" w:b=\"2\"/>")]
    [InlineData("<v:a v:b=\"1\" v:b=\"2\"/>")]
    [InlineData("<v:a u:b=\"1\"/>")]
    [InlineData("<v:a:b/>")]
    [InlineData("<v:a b:=\"1\"/>")]
    [InlineData("<v:a :b=\"1\"/>")]
    [InlineData("<v:aVeryLongElementNameThatGoesOnAndOnForMoreThanThirtyTwoCharacters></v:aVeryLongElementNameThatGoesOnAndOnForMoreThanThirtyTwoCharactersX>")]
    [InlineData("<v:a aVeryLongAttributeNameThatGoesOnAndOnForMoreThanThirtyTwo=\"1\" aVeryLongAttributeNameThatGoesOnAndOnForMoreThanThirtyTwo=\"2\"/>")]
    [InlineData("<v:abcdefghijklmno:p/>")]
    [InlineData("<v:a xml:space=\"keep\"/>")]
    [InlineData("<v:a xmlns:x=\"\"/>")]
    [InlineData("<v:a b=\"1\" / >")]
    [InlineData("<v:a b= />")]
    [InlineData("<v:a b />")]
    [InlineData("<v:a 1b=\"1\"/>")]
    [InlineData("<v:a -b=\"1\"/>")]
    [InlineData("<v:a b=\"1\" -c=\"1\"/>")]
    [InlineData("<v:élément b=\"1\"></v:element>")]
    [InlineData("<v:a b=\"1></v:a>")]
    [InlineData("<v:a b=\"ü\" c=\"😀\" b=\"ß\"/>")]
    [InlineData("<v:a><v:b><v:c><v:d></v:c></v:b></v:a>")]
    [InlineData("<v:a><?pi with data?><? bad?></v:a>")]
    [InlineData("<v:a><!-- a -- b --></v:a>")]
    [InlineData("<v:a><![CDATA[ x ]]> ]]> </v:a>")]
    [InlineData("<v:a>&#xD800;</v:a>")]
    [InlineData("<v:a/ >")]
    [InlineData("<v:a b=\"1\"\u0001/>")]
    public void MalformedExtensionContent_IsReportedWhereAFullReadReportsIt(string content)
    {
        var xml = Template.Replace("CONTENT", content, StringComparison.Ordinal);
        XmlReaderFault(xml).Should().NotBeNull();
        var expected = XmlFaults.FromFullRead(xml)!;

        var result = ParseUtf8(xml);

        result.Definitions.Should().BeNull();
        var finding = result.Diagnostics.Should().ContainSingle().Subject;
        finding.Should().BeEquivalentTo(new { Code = BpmnDiagnosticCodes.NotWellFormed, File = "vendor.bpmn", Line = expected.LineNumber, Column = expected.LinePosition });
    }

    [Fact]
    public void NonAsciiExtensionContent_FromAUtf8Stream_IsKeptExactly()
    {
        var content = "<v:a n=\"ü😀\">Grüße 中文 😀 &amp; ñ</v:a><v:b>x</v:b>";
        var xml = Template.Replace("CONTENT", content, StringComparison.Ordinal);

        var result = ParseUtf8(xml);

        result.HasErrors.Should().BeFalse();
        var kept = result.Definitions!.Processes.Single().ExtensionElements!.Items.OfType<UnknownExtensionElement>().Single();
        var expected = XElement.Parse(xml).Descendants(XName.Get("data", "urn:vendor")).Single();
        XNode.DeepEquals(kept.Element, expected).Should().BeTrue($"{kept.Element} should equal {expected}");
        kept.Element.Attribute("note")!.Value.Should().Be("é 😀");
    }

    [Fact]
    public void VerbatimSlices_FromUtf8Bytes_MapNonAsciiBeforeInsideAndBetweenThem()
    {
        const string Xml = "<r xmlns:v=\"urn:v\"><t>é中😀</t><v:a n=\"ü😀\">Grüße 中文 😀</v:a><t>ñ</t><v:b>x</v:b><v:c>ça</v:c></r>";
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Xml), .. "<junk"u8];
        using var scanner = XmlScanner.FromBytes(bytes, bytes.Length - 5);
        scanner.Read();
        scanner.Read();
        scanner.Skip();

        var a = scanner.ReadVerbatim();
        scanner.Skip();
        var b = scanner.ReadVerbatim();
        var c = scanner.ReadVerbatim();

        var expected = XElement.Parse(Xml).Elements().Where(e => e.Name.NamespaceName == "urn:v").ToList();
        new[] { a, b, c }.Select(v => v.Element.Value).Should().Equal("Grüße 中文 😀", "x", "ça");
        new[] { a, b, c }.Zip(expected, (v, e) => XNode.DeepEquals(v.Element, e)).Should().AllBeEquivalentTo(true);
        a.Element.Attribute("n")!.Value.Should().Be("ü😀");
    }

    private static XmlException XmlReaderFault(string xml)
    {
        var act = () =>
        {
            using var reader = XmlReader.Create(new StringReader(xml), SecureXmlSettings.Create());
            while (reader.Read())
            {
            }
        };
        return act.Should().Throw<XmlException>().Which;
    }
}
