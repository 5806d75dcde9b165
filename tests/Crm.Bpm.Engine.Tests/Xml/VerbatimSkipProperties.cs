using System.Text;
using System.Xml;
using System.Xml.Linq;
using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Xml;
using FsCheck;
using FsCheck.Xunit;

namespace Crm.Bpm.Engine.Tests.Xml;

/// <summary>Other vendors' extension content, checked by the scanner's lean skipper: kept exactly when well-formed, and any one-character fault in it reported where the scanner reading every node reports it.</summary>
public sealed class VerbatimSkipProperties
{
    private static readonly string FixturePath = Path.Combine(BpmnTestFiles.TestsFolder, "Xml", "Verbatim", "vendor-extensions.bpmn");

    private static readonly string Fixture = File.ReadAllText(FixturePath);

    // The extension content: from the vendor's first element to the end of its last.
    private static readonly int RegionStart = Fixture.IndexOf("<v:modelattributes>", StringComparison.Ordinal) + "<v:modelattributes>".Length;

    private static readonly int RegionEnd = Fixture.IndexOf("</v:modelattributes>", StringComparison.Ordinal);

    private const string Replacements = "<>&\"'=/:;# \t\nx-._]?!é😀\u0001";

    [Fact]
    public void VendorExtensions_OfEveryKind_AreKeptExactly()
    {
        var result = Parse(Fixture);

        result.Diagnostics.Should().BeEmpty();
        var kept = result.Definitions!.Processes.Single().ExtensionElements!.Items.OfType<UnknownExtensionElement>().Single().Element;
        // Read as the parser reads kept content: comments and processing instructions are not kept.
        using var reader = XmlReader.Create(new StringReader(Fixture), SecureXmlSettings.Create());
        var expected = XDocument.Load(reader).Descendants(XName.Get("modelattributes", "urn:vendor")).Single();
        XNode.DeepEquals(kept, expected).Should().BeTrue();
        kept.Descendants(XName.Get("scoped", "urn:vendor")).Single().Value.Should().Be("  kept  ");
        kept.Descendants(XName.Get("mixed", "urn:vendor")).Single().Value.Should().Be(" <raw> & ]] text ");
        kept.Descendants(XName.Get("élément", "urn:vendor")).Single().Attribute("données")!.Value.Should().Be("中文 😀");
    }

    [Fact]
    public void DeeplyNestedAndLongExtensionContent_IsCheckedAndKept()
    {
        var content = new StringBuilder();
        for (var i = 0; i < 2_000; i++)
        {
            content.Append(CultureInvariant($"<v:level{i % 7} index=\"{i}\" note='{new string('n', i % 40)}'>"));
        }

        content.Append(new string('t', 100_000));
        for (var i = 1_999; i >= 0; i--)
        {
            content.Append(CultureInvariant($"</v:level{i % 7}>"));
        }

        var xml = WithContent(content.ToString());

        var result = Parse(xml);

        result.Diagnostics.Should().BeEmpty();
        var kept = result.Definitions!.Processes.Single().ExtensionElements!.Items.OfType<UnknownExtensionElement>().Single().Element;
        kept.DescendantsAndSelf().Should().HaveCount(2_001);
        kept.Value.Should().HaveLength(100_000);
    }

    [Fact]
    public void DeeplyNestedExtensionContent_WithAMismatchedEndTagAtTheBottom_IsReportedWhereAFullReadReportsIt()
    {
        var content = string.Concat(Enumerable.Range(0, 500).Select(i => $"<v:l{i}>")) + "</v:l498>" + string.Concat(Enumerable.Range(0, 500).Reverse().Select(i => $"</v:l{i}>"));
        var xml = WithContent(content);

        AgreesWithAFullRead(xml).Should().BeTrue();
    }

    [Property(MaxTest = 1000)]
    public bool ReplacingOneCharacterOfExtensionContent_IsReportedWhereAFullReadReportsIt(NonNegativeInt offset, NonNegativeInt replacement)
    {
        var index = RegionStart + (offset.Get % (RegionEnd - RegionStart));
        var with = Replacements.Substring(replacement.Get % Replacements.Length, 1);
        if (char.IsSurrogate(with[0]))
        {
            with = "😀";
        }

        if (char.IsLowSurrogate(Fixture[index]))
        {
            index--;
        }

        var end = char.IsHighSurrogate(Fixture[index]) ? index + 2 : index + 1;
        return AgreesWithAFullRead(string.Concat(Fixture.AsSpan(0, index), with, Fixture.AsSpan(end)));
    }

    [Property(MaxTest = 500)]
    public bool DeletingOneCharacterOfExtensionContent_IsReportedWhereAFullReadReportsIt(NonNegativeInt offset)
    {
        var index = RegionStart + (offset.Get % (RegionEnd - RegionStart));
        var end = char.IsHighSurrogate(Fixture[index]) ? index + 2 : index + 1;
        if (char.IsLowSurrogate(Fixture[index]))
        {
            index--;
        }

        return AgreesWithAFullRead(string.Concat(Fixture.AsSpan(0, index), Fixture.AsSpan(end)));
    }

    [Property(MaxTest = 500)]
    public bool InsertingOneCharacterIntoExtensionContent_IsReportedWhereAFullReadReportsIt(NonNegativeInt offset, NonNegativeInt insertion)
    {
        var index = RegionStart + (offset.Get % (RegionEnd - RegionStart));
        if (char.IsLowSurrogate(Fixture[index]))
        {
            index--;
        }

        var with = Replacements.Substring(insertion.Get % Replacements.Length, 1);
        if (char.IsSurrogate(with[0]))
        {
            with = "😀";
        }

        return AgreesWithAFullRead(string.Concat(Fixture.AsSpan(0, index), with, Fixture.AsSpan(index)));
    }

    /// <summary>The parser reports a fault in kept content where the scanner reading every node reports it, and accepts only what XmlReader accepts (kept content is read by XmlReader again later).</summary>
    private static bool AgreesWithAFullRead(string xml)
    {
        var expected = XmlFaults.FromFullRead(xml);
        var result = Parse(xml);
        var faults = result.Diagnostics.Where(d => d.Code == BpmnDiagnosticCodes.NotWellFormed).ToList();
        if (expected is null)
        {
            if (faults.Count != 0 || XmlFaults.FromXmlReader(xml) is not null)
            {
                throw new InvalidOperationException($"A full read accepts it; the parser reports {string.Join("; ", faults)}; XmlReader reports {XmlFaults.FromXmlReader(xml)?.Message}:\n{xml}");
            }

            return true;
        }

        if (faults.Count != 1 || faults[0].Line != expected.LineNumber || faults[0].Column != expected.LinePosition || XmlFaults.FromXmlReader(xml) is null)
        {
            throw new InvalidOperationException($"A full read reports ({expected.LineNumber},{expected.LinePosition}) {expected.Message}; the parser reports {string.Join("; ", faults)}:\n{xml}");
        }

        return true;
    }

    private static BpmnParseResult Parse(string xml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return BpmnParser.Parse(stream, "vendor.bpmn");
    }

    private static string WithContent(string content) => Fixture[..RegionStart] + content + Fixture[RegionEnd..];

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
