using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Xml;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Engine.Tests.Xml;

/// <summary>Locates the files the parser tests read: the shared MIWG models, the Zeebe fixtures and the bad-input files beside these tests.</summary>
internal static class BpmnTestFiles
{
    public static string TestsFolder { get; } = Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Engine.Tests");

    public static string ZeebeFolder { get; } = Path.Combine(TestsFolder, "Fixtures", "Zeebe");

    public static string BadInputFolder { get; } = Path.Combine(TestsFolder, "Xml", "BadInput");

    public static string ExpectationsFile { get; } = Path.Combine(TestsFolder, "Xml", "miwg-expectations.json");

    public static IReadOnlyList<string> MiwgNames { get; } = Directory.GetFiles(SharedData.MiwgFolder, "*.bpmn")
        .Select(Path.GetFileNameWithoutExtension)
        .Order(StringComparer.Ordinal)
        .ToList()!;

    public static string Miwg(string name) => Path.Combine(SharedData.MiwgFolder, name + ".bpmn");

    public static string Zeebe(string fileName) => Path.Combine(ZeebeFolder, fileName);

    public static string BadInput(string fileName) => Path.Combine(BadInputFolder, fileName);

    /// <summary>Parses a file that must give a model without any diagnostic.</summary>
    public static BpmnDefinitions ParseClean(string path)
    {
        var result = BpmnParser.ParseFile(path);
        result.Diagnostics.Should().BeEmpty($"{Path.GetFileName(path)} is a valid BPMN 2.0 file");
        result.Definitions.Should().NotBeNull();
        return result.Definitions!;
    }

    /// <summary>Writes the model and parses the text again, which must succeed without diagnostics.</summary>
    public static BpmnDefinitions WriteAndReparse(BpmnDefinitions model, out string xml)
    {
        xml = BpmnWriter.WriteString(model);
        var again = BpmnParser.ParseString(xml, "written.bpmn");
        again.Diagnostics.Should().BeEmpty("the written XML must read back cleanly");
        again.Definitions.Should().NotBeNull();
        return again.Definitions!;
    }
}
