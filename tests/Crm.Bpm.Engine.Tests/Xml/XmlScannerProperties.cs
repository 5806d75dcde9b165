using System.Text;
using System.Xml;
using Crm.Bpm.Engine.Xml;
using FsCheck;
using FsCheck.Xunit;

namespace Crm.Bpm.Engine.Tests.Xml;

/// <summary>The scanner agrees with <see cref="XmlReader"/> on random well-formed documents, and never fails but with an <see cref="XmlException"/> on broken ones.</summary>
public sealed class XmlScannerProperties
{
    private static readonly XmlReaderSettings ReferenceSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    private static readonly string[] Names = ["a", "b", "task", "x-y", "_z", "n.1", "\u00e9l\u00e9ment"];
    private static readonly string[] Prefixes = ["p", "q", "bpmn"];
    private static readonly string[] Uris = ["urn:one", "urn:two", "http://example.com/a?b=c&d", "urn:\u00fcml"];
    private static readonly string[] TextPieces = ["plain", " ", "\n", "\r\n", "\t", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#65;", "&#x263A;", "&#x1F600;", "]", "]]", ">", "\u00e9", "\U0001F600", "'", "\""];

    /// <summary>Writes a random well-formed document: nested elements, prefixes declared and shadowed, attributes in both quote kinds, text with references, CDATA, comments and processing instructions.</summary>
    private static string Document(int seed)
    {
        var random = new Random(seed);
        var xml = new StringBuilder();
        if (random.Next(2) == 0)
        {
            xml.Append(random.Next(2) == 0 ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" : "<?xml version='1.0' standalone='yes'?>").Append('\n');
        }

        if (random.Next(3) == 0)
        {
            xml.Append("<!-- head -->\n");
        }

        WriteElement(random, xml, depth: 0, declared: []);
        xml.Append(random.Next(2) == 0 ? "\n" : "<?pi after?>");
        return xml.ToString();
    }

    private static void WriteElement(Random random, StringBuilder xml, int depth, List<string> declared)
    {
        var scope = new List<string>(declared);
        var declarations = new StringBuilder();
        if (random.Next(3) == 0)
        {
            var prefix = Prefixes[random.Next(Prefixes.Length)];
            declarations.Append($" xmlns:{prefix}=\"{Uris[random.Next(Uris.Length)].Replace("&", "&amp;", StringComparison.Ordinal)}\"");
            scope.Add(prefix);
        }

        if (random.Next(4) == 0)
        {
            declarations.Append($" xmlns='{(random.Next(3) == 0 ? "" : Uris[random.Next(Uris.Length)].Replace("&", "&amp;", StringComparison.Ordinal))}'");
        }

        var name = Names[random.Next(Names.Length)];
        if (scope.Count > 0 && random.Next(2) == 0)
        {
            name = scope[random.Next(scope.Count)] + ":" + name;
        }

        xml.Append('<').Append(name).Append(declarations);
        var used = new HashSet<string>();
        for (var i = random.Next(4); i > 0; i--)
        {
            var attribute = Names[random.Next(Names.Length)];
            if (scope.Count > 0 && random.Next(3) == 0)
            {
                attribute = scope[random.Next(scope.Count)] + ":" + attribute;
            }

            if (!used.Add(attribute.Split(':')[^1]))
            {
                continue;
            }

            var quote = random.Next(2) == 0 ? '"' : '\'';
            xml.Append(random.Next(3) == 0 ? "\n   " : " ").Append(attribute).Append(random.Next(4) == 0 ? " = " : "=").Append(quote);
            for (var j = random.Next(4); j > 0; j--)
            {
                var piece = TextPieces[random.Next(TextPieces.Length)];
                xml.Append(piece[0] == quote && piece.Length == 1 ? (quote == '"' ? "&quot;" : "&apos;") : piece);
            }

            xml.Append(quote);
        }

        if (depth > 3 || random.Next(4) == 0)
        {
            xml.Append(random.Next(2) == 0 ? "/>" : " />");
            return;
        }

        xml.Append('>');
        for (var i = random.Next(5); i > 0; i--)
        {
            switch (random.Next(6))
            {
                case 0:
                    WriteElement(random, xml, depth + 1, scope);
                    break;
                case 1:
                    xml.Append("<![CDATA[").Append(random.Next(2) == 0 ? "a < b && c ]] >" : "").Append("]]>");
                    break;
                case 2:
                    xml.Append(random.Next(2) == 0 ? "<!-- note - here -->" : "<?target data?>");
                    break;
                default:
                    var piece = TextPieces[random.Next(TextPieces.Length)];
                    xml.Append(piece == "]]" ? "] ]" : piece);
                    break;
            }
        }

        xml.Append("</").Append(name).Append('>');
    }

    private static List<XmlEvent>? Reference(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), ReferenceSettings);
            return XmlEvent.From(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static List<XmlEvent>? Scanned(string xml)
    {
        try
        {
            using var scanner = XmlScanner.FromText(xml);
            return XmlEvent.From(scanner);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    [Property(MaxTest = 500)]
    public void WellFormedDocument_GivesTheSameEventsAsXmlReader(int seed)
    {
        var xml = Document(seed);

        var expected = Reference(xml);
        var actual = Scanned(xml);

        expected.Should().NotBeNull($"the generator writes well-formed XML: {xml}");
        actual.Should().Equal(expected, $"the scanner should read {xml} as XmlReader does");
    }

    [Property(MaxTest = 1000)]
    public void MutatedDocument_FailsOnlyWithXmlException_AndNeverAcceptsWhatXmlReaderRejects(int seed, NonNegativeInt offset, char replacement, bool delete)
    {
        var xml = Document(seed);
        var at = offset.Get % xml.Length;
        var mutated = delete ? xml.Remove(at, 1) : string.Concat(xml.AsSpan(0, at), new string(replacement, 1), xml.AsSpan(at + 1));

        var expected = Reference(mutated);
        var actual = Scanned(mutated);

        // Unknown content is re-read by XmlReader when someone asks for it, so the scanner must be at least as strict.
        if (actual is not null)
        {
            expected.Should().NotBeNull($"the scanner accepted {mutated}, so XmlReader should accept it too");
            actual.Should().Equal(expected, $"the scanner accepted {mutated}, so XmlReader should read it the same way");
        }
    }

    [Property(MaxTest = 300)]
    public void MutatedBytes_FailOnlyWithXmlException(int seed, NonNegativeInt offset, byte replacement)
    {
        var bytes = Encoding.UTF8.GetBytes(Document(seed));
        bytes[offset.Get % bytes.Length] = replacement;

        var act = () =>
        {
            using var scanner = XmlScanner.FromBytes(bytes);
            try
            {
                XmlEvent.From(scanner);
            }
            catch (XmlException)
            {
                // Broken input: the expected outcome for most mutations.
            }
        };

        act.Should().NotThrow();
    }
}
