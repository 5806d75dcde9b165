using Crm.Bpm.Dmn.Evaluation;
using Crm.Bpm.Dmn.Parsing;
using Crm.Bpm.Engine.ProcessTests;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Validation;
using Crm.Bpm.Engine.Xml;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Engine.Tests.ProcessTests;

/// <summary>Every file of the base CRM package under <c>processes/</c> loads, validates and deploys, and every process test there passes.</summary>
public class ProcessesFolderTests
{
    private static readonly string Root = Path.Combine(SharedData.RepositoryRoot, "processes");

    public static TheoryData<string> BpmnFiles() => Files("*.bpmn");

    public static TheoryData<string> DmnFiles() => Files("*.dmn");

    public static TheoryData<string, string> Cases() => ProcessTestSuite.Collect(Root, ProcessTestFiles.Pattern);

    [Theory]
    [MemberData(nameof(BpmnFiles))]
    public void BpmnFile_ParsesValidatesAndDeploys_WithoutErrors(string file)
    {
        var path = Path.Combine(Root, file);
        var parsed = BpmnParser.ParseFile(path);

        parsed.Definitions.Should().NotBeNull();
        var findings = parsed.Diagnostics.Concat(BpmnValidator.Validate(parsed.Definitions!, path)).Where(d => d.IsError).Select(d => d.ToString());
        findings.Should().BeEmpty();
        var deployed = new ProcessEngine().DeployFile(path);
        deployed.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).Should().BeEmpty();
        deployed.Processes.Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(DmnFiles))]
    public void DmnFile_ParsesAndCompiles_WithoutErrors(string file)
    {
        var path = Path.Combine(Root, file);
        var parsed = DmnParser.ParseFile(path);

        parsed.Definitions.Should().NotBeNull();
        var compiled = DmnModel.Compile(parsed.Definitions!);
        parsed.Diagnostics.Concat(compiled.Diagnostics).Where(d => d.IsError).Select(d => d.ToString()).Should().BeEmpty();
        compiled.Model!.DecisionNames.Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ProcessTestCase_Passes(string file, string caseName)
    {
        var failures = ProcessTestSuite.Run(Root, file, caseName);

        failures.Should().BeEmpty("the case '{0}' in processes/{1} must hold", caseName, file);
    }

    [Fact]
    public void ProcessesFolder_HasAProcessTestBesideEveryProcess()
    {
        var untested = Directory.EnumerateFiles(Root, "*.bpmn", SearchOption.AllDirectories)
            .Where(bpmn => !Directory.EnumerateFiles(Path.GetDirectoryName(bpmn)!, ProcessTestFiles.Pattern).Any())
            .Select(bpmn => Path.GetRelativePath(Root, bpmn));

        untested.Should().BeEmpty("every process in the base package needs process tests beside it");
    }

    private static TheoryData<string> Files(string pattern)
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Root, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, path).Replace('\\', '/'));
        }

        return data;
    }
}
