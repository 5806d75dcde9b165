using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Cli.Tests;

public class TestCommandTests
{
    private static readonly string Fixtures = Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Cli.Tests", "ProcessTests");

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = new CliApp(CommandCatalog.All()).Run(args, new CliConsole(output, error));
        return (code, output.ToString().Trim(), error.ToString().Trim());
    }

    private static string Fixture(string relative) => Path.Combine(Fixtures, relative);

    [Fact]
    public void Test_RunsEveryTestFileOfADirectory_AndExitsZero_WhenAllPass()
    {
        var (code, output, _) = Run("test", Fixture("passing"));

        code.Should().Be(0);
        output.Should().EndWith("2 passed, 0 failed");
        output.Should().NotContain("FAILED");
    }

    [Fact]
    public void Test_DirectorySearch_SkipsPendingFiles_ButRunsOneNamedExplicitly()
    {
        var (code, output, _) = Run("test", Fixture("passing/approval.pending.yaml"));

        code.Should().Be(1);
        output.Should().Contain("FAILED 'a pending case that fails on purpose'");
        output.Should().EndWith("0 passed, 1 failed");
    }

    [Fact]
    public void Test_PrintsEachFailingExpectation_WithWhatHappenedInstead_AndExitsOne()
    {
        var (code, output, _) = Run("test", Fixture("failing/approval.test.yaml"));

        code.Should().Be(1);
        var lines = output.Split('\n').Select(l => l.TrimEnd()).ToList();
        lines.Should().Contain(l => l.EndsWith("approval.test.yaml(8): FAILED 'a large order is wrongly expected to complete at once'", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("approval.test.yaml(11):", StringComparison.Ordinal)
            && l.Contains("expected state completed, but it is active", StringComparison.Ordinal)
            && l.Contains("waiting at [Task_Approve]", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("approval.test.yaml(12):", StringComparison.Ordinal)
            && l.Contains("expected [Gateway_Amount] not to be passed, but it was", StringComparison.Ordinal));
        output.Should().EndWith("1 passed, 1 failed");
    }

    [Fact]
    public void Test_ReportsMistakesInTheFile_WithLineColumnAndWhatToWrite()
    {
        var (code, output, _) = Run("test", Fixture("broken"));

        code.Should().Be(1);
        output.Should().Contain("broken.test.yaml(6,9): error PTEST002: 'completTask' is not a step. Did you mean 'completeTask'?");
        output.Should().Contain("broken.test.yaml(8,7): error PTEST002: expect has no field 'stat'. Did you mean 'state'?");
        output.Should().EndWith("0 passed, 1 failed");
    }

    [Fact]
    public void Test_CaseOption_RunsOnlyTheCasesWhoseNameContainsTheText()
    {
        var (code, output, _) = Run("test", Fixture("failing"), "--case", "small order");

        code.Should().Be(0);
        output.Should().EndWith("1 passed, 0 failed");
    }

    [Fact]
    public void Test_Verbose_AlsoListsPassingCases()
    {
        var (_, output, _) = Run("test", Fixture("passing"), "--verbose");

        output.Should().Contain("passed 'a large order waits for approval'").And.Contain("passed 'a small order is approved automatically'");
    }

    [Fact]
    public void Test_CountsAPathThatDoesNotExist_AsAFailure()
    {
        var (code, output, _) = Run("test", Fixture("passing"), Fixture("no-such-folder"));

        code.Should().Be(1);
        output.Should().Contain("no-such-folder: error: no such file or directory");
        output.Should().EndWith("2 passed, 1 failed");
    }

    [Fact]
    public void Test_WithoutPaths_IsAUsageError()
    {
        var (code, _, error) = Run("test");

        code.Should().Be(CliApp.UsageExitCode);
        error.Should().Contain("name at least one process test file");
    }

    [Fact]
    public void Test_RunsTheLeadQualificationProcessTests_OfTheBasePackage()
    {
        var (code, output, _) = Run("test", Path.Combine(SharedData.RepositoryRoot, "processes"));

        code.Should().Be(0, output);
        output.Should().MatchRegex(@"\d+ passed, 0 failed$");
        output.Should().NotStartWith("0 passed");
    }
}
