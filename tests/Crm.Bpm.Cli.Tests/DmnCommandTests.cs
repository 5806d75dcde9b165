using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Cli.Tests;

public sealed class DmnCommandTests
{
    private static readonly string Fixtures = Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Cli.Tests", "Dmn");

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = new CliApp(CommandCatalog.All()).Run(args, new CliConsole(output, error));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void DmnEval_PrintsTheDecisionResultAsJson()
    {
        var (exit, output, error) = Run("dmn", "eval", Path.Combine(Fixtures, "discount.dmn"), "--decision", "Discount", "--input", "{\"Customer Type\": \"Business\", \"Order Amount\": 1500}");

        exit.Should().Be(0, error);
        output.Trim().Should().Be("0.15");
    }

    [Fact]
    public void DmnEval_ReadsDateInputsFromJsonStrings_AndPrintsContexts()
    {
        var (exit, output, error) = Run("dmn", "eval", Path.Combine(Fixtures, "discount.dmn"), "--decision", "Offer",
            "--input", "{\"Customer Type\": \"Private\", \"Order Amount\": 10, \"Order Date\": \"2024-01-15\"}");

        exit.Should().Be(0, error);
        output.Should().Contain("\"discount\": 0").And.Contain("\"valid until\": \"2024-02-14\"");
    }

    [Fact]
    public void DmnEval_CamundaStyleTable_ByDecisionId_SeesUndeclaredInputsAsVariables()
    {
        // Camunda Modeler tables read process variables (lead.budget) without declaring input data.
        var scoring = Path.Combine(SharedData.RepositoryRoot, "processes", "lead-qualification", "lead-scoring.dmn");

        var hot = Run("dmn", "eval", scoring, "--decision", "lead-scoring", "--input", "{\"lead\": {\"budget\": 60000, \"companySize\": 200, \"source\": \"referral\"}}");
        var cold = Run("dmn", "eval", scoring, "--decision", "lead-scoring", "--input", "{\"lead\": {\"budget\": 1000, \"companySize\": 2, \"source\": \"cold-call\"}}");

        hot.Exit.Should().Be(0, hot.Error);
        hot.Out.Should().Contain("\"grade\": \"A\"");
        cold.Exit.Should().Be(0, cold.Error);
        cold.Out.Should().Contain("\"grade\": \"C\"");
    }

    [Fact]
    public void DmnEval_NamesTheAvailableDecisions_WhenTheDecisionIsUnknown()
    {
        var (exit, _, error) = Run("dmn", "eval", Path.Combine(Fixtures, "discount.dmn"), "--decision", "Rebate");

        exit.Should().Be(1);
        error.Should().Contain("'Rebate'").And.Contain("'Discount'").And.Contain("'Offer'");
    }

    [Fact]
    public void DmnEval_ExitsWithOne_AndPrintsTheDiagnostic_ForABadFile()
    {
        var (exit, output, error) = Run("dmn", "eval", Path.Combine(Fixtures, "broken.dmn"), "--decision", "A");

        exit.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Contain("broken.dmn(5,").And.Contain("DMN001");
    }

    [Fact]
    public void DmnEval_RejectsInputThatIsNotAJsonObject()
    {
        var (exit, _, error) = Run("dmn", "eval", Path.Combine(Fixtures, "discount.dmn"), "--decision", "Discount", "--input", "[1, 2]");

        exit.Should().Be(CliApp.UsageExitCode);
        error.Should().Contain("JSON object");
    }

    [Fact]
    public void Tck_PassesEveryComplianceLevel2Case_AndWritesTheCsv()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"crm-tck-{Guid.NewGuid():N}.csv");
        try
        {
            var (exit, output, _) = Run("tck", Path.Combine(SharedData.DmnTckFolder, "compliance-level-2"), "--csv", csv);

            output.Trim().Split('\n')[^1].Should().MatchRegex(@"^\d+ passed, 0 failed$");
            exit.Should().Be(0);
            File.ReadAllLines(csv).Should().Contain("\"0004-simpletable-U\",\"0004-simpletable-U-test-01\",\"001\",\"SUCCESS\",\"\"");
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    public void Tck_ReportsEachFailure_AndExitsWithOne()
    {
        var (exit, output, _) = Run("tck", Path.Combine(Fixtures, "tck-failing"));

        exit.Should().Be(1);
        var lines = output.Trim().Split('\n');
        lines.Should().ContainSingle(l => l.StartsWith("FAIL ", StringComparison.Ordinal)).Which.Should().Contain("002").And.Contain("expected 3 but got 2");
        lines[^1].Should().Be("1 passed, 1 failed");
    }

    [Fact]
    public void Tck_ExitsWithTwo_ForAMissingFolder()
    {
        var (exit, _, error) = Run("tck", Path.Combine(Fixtures, "no-such-folder"));

        exit.Should().Be(2);
        error.Should().Contain("No such directory");
    }
}
