using System.Text.Json;
using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Cli.Tests;

/// <summary><c>crm validate</c> and <c>crm bpmn roundtrip</c>, run in-process on the validator's fixtures, the shipped processes and the MIWG models.</summary>
public sealed class BpmnCommandTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Engine.Tests", "Fixtures");
    private static readonly string[] WellFormedFixtureFolders = ["Valid", "Invalid", "Zeebe", "Runtime"];
    private static readonly string Processes = Path.Combine(SharedData.RepositoryRoot, "processes");

    private readonly string _scratch = Directory.CreateTempSubdirectory("crm-bpmn-cli-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Validate_ShippedProcesses_ExitsZero_AndSummarisesOnStandardError()
    {
        var (exit, output, error) = Run("validate", Processes);

        exit.Should().Be(0);
        output.Should().BeEmpty();
        error.Should().Contain("0 errors, 0 warnings");
    }

    [Fact]
    public void Validate_FileWithAnError_ExitsOne_AndPrintsFileLineCodeAndElement()
    {
        var file = Path.Combine(Fixtures, "Invalid", "service-task-without-type.bpmn");
        var line = LineOf(file, "assign");

        var (exit, output, error) = Run("validate", file);

        exit.Should().Be(1);
        Lines(output).Should().ContainSingle().Which.Should()
            .StartWith($"{file}({line},5): error BPMN204 [assign]: Service task \"Assign owner\"");
        error.Should().Contain("1 file checked, 1 error, 0 warnings");
    }

    [Fact]
    public void Validate_FileWithWarningsOnly_ExitsZero()
    {
        var (exit, output, _) = Run("validate", Path.Combine(Fixtures, "Invalid", "dead-end-node.bpmn"));

        exit.Should().Be(0);
        Lines(output).Should().ContainSingle().Which.Should().Contain("warning BPMN203 [split]");
    }

    [Fact]
    public void Validate_Directory_ValidatesEveryBpmnFileBelowIt()
    {
        var invalid = Directory.GetFiles(Path.Combine(Fixtures, "Invalid"), "*.bpmn");
        var all = Directory.GetFiles(Fixtures, "*.bpmn", SearchOption.AllDirectories);

        var (exit, output, error) = Run("validate", Fixtures);

        exit.Should().Be(1);
        error.Should().Contain($"{all.Length} files checked");
        foreach (var file in invalid)
        {
            output.Should().Contain($"{file}(", "every invalid fixture has a finding");
        }

        output.Should().NotContain(Path.Combine(Fixtures, "Valid"));
    }

    [Fact]
    public void Validate_Json_PrintsOneObjectPerFinding_AndNoSummary()
    {
        var file = Path.Combine(Fixtures, "Invalid", "call-activity-without-process-id.bpmn");

        var (exit, output, error) = Run("validate", file, "--json");

        exit.Should().Be(1);
        error.Should().BeEmpty();
        var finding = JsonDocument.Parse(Lines(output).Single()).RootElement;
        finding.GetProperty("file").GetString().Should().Be(file);
        finding.GetProperty("line").GetInt32().Should().Be(LineOf(file, "onboard"));
        finding.GetProperty("column").GetInt32().Should().Be(5);
        finding.GetProperty("severity").GetString().Should().Be("error");
        finding.GetProperty("code").GetString().Should().Be("BPMN205");
        finding.GetProperty("elementId").GetString().Should().Be("onboard");
        finding.GetProperty("message").GetString().Should().Contain("Onboard customer");
    }

    [Fact]
    public void Validate_MissingPath_ExitsTwo_EvenWhenAnotherFileHasErrors()
    {
        var missing = Path.Combine(_scratch, "no-such.bpmn");

        var (exit, output, error) = Run("validate", missing, Path.Combine(Fixtures, "Invalid", "service-task-without-type.bpmn"));

        exit.Should().Be(2);
        output.Should().Contain($"{missing}: error CLI001").And.Contain("error BPMN204");
        error.Should().Contain("1 path could not be read");
    }

    [Fact]
    public void Validate_DirectoryWithoutBpmnFiles_ExitsTwo()
    {
        File.WriteAllText(Path.Combine(_scratch, "notes.txt"), "not a process");

        var (exit, output, _) = Run("validate", _scratch);

        exit.Should().Be(2);
        output.Should().Contain($"{_scratch}: error CLI003");
    }

    [Fact]
    public void Validate_FileThatIsNotXml_ExitsOne_WithTheParserFinding()
    {
        var file = Path.Combine(_scratch, "broken.bpmn");
        File.WriteAllText(file, "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\">");

        var (exit, output, _) = Run("validate", file);

        exit.Should().Be(1);
        output.Should().Contain("error BPMN001");
    }

    [Fact]
    public void Validate_SameFileTwice_IsCheckedOnce()
    {
        var file = Path.Combine(Fixtures, "Invalid", "service-task-without-type.bpmn");

        var (_, output, error) = Run("validate", file, file);

        Lines(output).Should().ContainSingle();
        error.Should().Contain("1 file checked");
    }

    [Fact]
    public void Validate_WithoutPaths_IsAUsageError()
    {
        var (exit, _, error) = Run("validate");

        exit.Should().Be(CliApp.UsageExitCode);
        error.Should().Contain("name at least one BPMN file or directory");
    }

    [Fact]
    public void Validate_MiwgModels_HaveErrorsOnlyFromExecutionChecks()
    {
        var (exit, output, _) = Run("validate", SharedData.MiwgFolder, "--json");

        var findings = Lines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var errors = findings.Where(f => f.GetProperty("severity").GetString() == "error").ToList();
        errors.Select(f => f.GetProperty("code").GetString()).Should().OnlyContain(code => code!.StartsWith("BPMN2", StringComparison.Ordinal));
        errors.Select(f => Path.GetFileName(f.GetProperty("file").GetString())).Distinct()
            .Should().BeEquivalentTo(["C.1.0.bpmn", "C.1.1.bpmn", "C.3.0.bpmn"], "only these executable models lack what Camunda 8 needs");
        exit.Should().Be(1);
    }

    [Fact]
    public void Roundtrip_MiwgModels_SurviveUnchanged()
    {
        var (exit, output, error) = Run("bpmn", "roundtrip", SharedData.MiwgFolder);

        output.Should().BeEmpty();
        error.Should().Contain("21 file(s), 21 identical");
        exit.Should().Be(0);
    }

    [Fact]
    public void Roundtrip_FixturesAndShippedProcesses_SurviveUnchanged()
    {
        // Every fixture folder whose files are well-formed BPMN (Fixtures/ProcessTests holds a deliberately truncated file).
        var wellFormed = WellFormedFixtureFolders.Select(f => Path.Combine(Fixtures, f));
        var processTests = Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Engine.Tests", "ProcessTests");
        var (exit, output, _) = Run(["bpmn", "roundtrip", .. wellFormed, processTests, Processes]);

        output.Should().BeEmpty();
        exit.Should().Be(0);
    }

    [Fact]
    public void Roundtrip_MissingFile_ExitsTwo()
    {
        var (exit, output, _) = Run("bpmn", "roundtrip", Path.Combine(_scratch, "gone.bpmn"));

        exit.Should().Be(2);
        output.Should().Contain("error CLI001");
    }

    [Fact]
    public void Roundtrip_FileThatIsNotBpmn_ExitsTwo_WithTheParserFinding()
    {
        var file = Path.Combine(_scratch, "order.bpmn");
        File.WriteAllText(file, "{ \"not\": \"xml\" }");

        var (exit, output, _) = Run("bpmn", "roundtrip", file);

        exit.Should().Be(2);
        output.Should().Contain($"{file}").And.Contain("error BPMN001");
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = new CliApp(CommandCatalog.All()).Run(args, new CliConsole(output, error));
        return (exit, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int LineOf(string file, string id) =>
        Array.FindIndex(File.ReadAllLines(file), l => l.Contains($" id=\"{id}\"", StringComparison.Ordinal)) + 1;
}
