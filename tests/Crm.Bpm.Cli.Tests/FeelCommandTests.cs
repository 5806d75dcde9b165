using Crm.Bpm.Cli.Hosting;

namespace Crm.Bpm.Cli.Tests;

public class FeelCommandTests
{
    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = new CliApp(CommandCatalog.All()).Run(args, new CliConsole(output, error));
        return (code, output.ToString().Trim(), error.ToString().Trim());
    }

    [Fact]
    public void Feel_PrintsResultAsJson_ForAGatewayCondition()
    {
        var (code, output, error) = Run("feel", "amount > 1000 and region = \"EU\"", "--context", "{\"amount\": 1200, \"region\": \"EU\"}");

        code.Should().Be(0);
        output.Should().Be("true");
        error.Should().BeEmpty();
    }

    [Fact]
    public void Feel_ReadsContextKeysWithSpacesAndOperators_AsNames()
    {
        var (code, output, _) = Run("feel", "Applicant Age + Loan-to-value", "--context", "{\"Applicant Age\": 40, \"Loan-to-value\": 0.8}");

        code.Should().Be(0);
        output.Should().Be("40.8");
    }

    [Fact]
    public void Feel_PrintsDatesDurationsAndFullPrecisionNumbers_AsJson()
    {
        var (code, output, _) = Run("feel", "{due: date(\"2024-01-31\") + duration(\"P1M\"), wait: duration(\"PT36H\"), third: 1/3}");

        code.Should().Be(0);
        output.Should().Be("{\"due\":\"2024-02-29\",\"wait\":\"P1DT12H\",\"third\":0.3333333333333333333333333333333333}");
    }

    [Fact]
    public void Feel_ExitsOne_WithPositionedDiagnostic_OnSyntaxError()
    {
        var (code, output, error) = Run("feel", "1 + * 2");

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Contain("(1,5)").And.Contain("FEEL001").And.Contain("'*'");
    }

    [Fact]
    public void Feel_PrintsNullAndWarning_WhenEvaluationFails()
    {
        var (code, output, error) = Run("feel", "x + 1");

        code.Should().Be(0);
        output.Should().Be("null");
        error.Should().Contain("No variable named 'x'");
    }

    [Fact]
    public void Feel_IsUsageError_WhenContextIsNotJson()
    {
        var (code, _, error) = Run("feel", "1", "--context", "{amount: 1");

        code.Should().Be(CliApp.UsageExitCode);
        error.Should().Contain("--context is not valid JSON");
    }

    [Fact]
    public void Feel_IsUsageError_WhenContextIsNotAnObject()
    {
        var (code, _, error) = Run("feel", "1", "--context", "[1, 2]");

        code.Should().Be(CliApp.UsageExitCode);
        error.Should().Contain("must be a JSON object");
    }

    [Fact]
    public void Feel_IsUsageError_WhenExpressionIsMissing()
    {
        var (code, _, error) = Run("feel");

        code.Should().Be(CliApp.UsageExitCode);
        error.Should().Contain("give the FEEL expression");
    }
}
