using System.Xml;
using System.Xml.Linq;
using Crm.Bpm.Diagnostics;
using Crm.Bpm.Dmn.Parsing;

namespace Crm.Bpm.Dmn.Tck;

/// <summary>Reads the TCK's test case XML format (<c>testCases</c>/<c>testCase</c> with <c>inputNode</c> and <c>resultNode</c>).</summary>
public static class TckTestFileReader
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Reads the test file at <paramref name="path"/>; a file that cannot be read yields a diagnostic and no test file.</summary>
    public static (TckTestFile? File, Diagnostic? Problem) Read(string path)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(path, settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            return (null, new Diagnostic(DiagnosticSeverity.Error, DmnDiagnosticCodes.NotXml, $"The test file cannot be read: {ex.Message}", path));
        }

        var root = document.Root!;
        var ns = root.Name.Namespace;
        var file = new TckTestFile
        {
            Path = path,
            ModelName = root.Element(ns + "modelName")?.Value.Trim(),
            Labels = root.Element(ns + "labels")?.Elements(ns + "label").Select(l => l.Value.Trim()).ToList() ?? [],
            TestCases = root.Elements(ns + "testCase").Select(t => ReadTestCase(t, ns)).ToList(),
        };
        return (file, null);
    }

    private static TckTestCase ReadTestCase(XElement e, XNamespace ns) => new()
    {
        Id = (string?)e.Attribute("id") ?? "",
        Description = e.Element(ns + "description")?.Value.Trim(),
        InvocableName = (string?)e.Attribute("invocableName"),
        Kind = ((string?)e.Attribute("type")) switch
        {
            "bkm" => TckInvocableKind.BusinessKnowledgeModel,
            "decisionService" => TckInvocableKind.DecisionService,
            _ => TckInvocableKind.Decision,
        },
        InputNodes = e.Elements(ns + "inputNode").Select(i => new TckInputNode((string?)i.Attribute("name") ?? "", ReadValue(i, ns) ?? TckNil.Instance)).ToList(),
        ResultNodes = e.Elements(ns + "resultNode").Select(r =>
        {
            var expected = r.Element(ns + "expected");
            return new TckResultNode(
                (string?)r.Attribute("name") ?? "",
                expected is null ? null : ReadValue(expected, ns) ?? TckNil.Instance,
                string.Equals((string?)r.Attribute("errorResult"), "true", StringComparison.OrdinalIgnoreCase));
        }).ToList(),
    };

    /// <summary>Reads the value held by a value-type element (inputNode, expected, item, component).</summary>
    private static TckValue? ReadValue(XElement holder, XNamespace ns)
    {
        var value = holder.Element(ns + "value");
        if (value is not null)
        {
            if (string.Equals((string?)value.Attribute(Xsi + "nil"), "true", StringComparison.Ordinal))
            {
                return TckNil.Instance;
            }

            var type = (string?)value.Attribute(Xsi + "type");
            if (type is not null)
            {
                var colon = type.IndexOf(':', StringComparison.Ordinal);
                type = colon >= 0 ? type[(colon + 1)..] : type;
            }

            return new TckSimple(type, value.Value);
        }

        var list = holder.Element(ns + "list");
        if (list is not null)
        {
            if (string.Equals((string?)list.Attribute(Xsi + "nil"), "true", StringComparison.Ordinal))
            {
                return TckNil.Instance;
            }

            return new TckList(list.Elements(ns + "item").Select(i => ReadValue(i, ns) ?? TckNil.Instance).ToList());
        }

        var components = holder.Elements(ns + "component").ToList();
        if (components.Count > 0)
        {
            return new TckComponents(components
                .Select(c => new KeyValuePair<string, TckValue>((string?)c.Attribute("name") ?? "", ReadValue(c, ns) ?? TckNil.Instance))
                .ToList());
        }

        if (string.Equals((string?)holder.Attribute(Xsi + "nil"), "true", StringComparison.Ordinal))
        {
            return TckNil.Instance;
        }

        return null;
    }
}
