using System.Text.Json;
using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Cli.Tests;

public class BenchEngineCommandTests
{
    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = new CliApp(CommandCatalog.All()).Run(args, new CliConsole(output, error));
        return (code, output.ToString().Trim(), error.ToString().Trim());
    }

    [Fact]
    public void BenchEngine_PrintsOneJsonLine_WithThePeerScriptsFields()
    {
        var model = Path.Combine(SharedData.PeerModelsFolder, "straight10.bpmn");

        var (code, output, error) = Run("bench", "engine", "--model", model, "--instances", "200");

        code.Should().Be(0, error);
        output.Should().NotContain("\n");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("engine", "model", "instances", "seconds", "instancesPerSecond");
        root.GetProperty("engine").GetString().Should().Be("crm-bpm");
        root.GetProperty("model").GetString().Should().Be(model);
        root.GetProperty("instances").GetInt32().Should().Be(200);
        root.GetProperty("seconds").GetDouble().Should().BePositive();
        root.GetProperty("instancesPerSecond").GetDouble().Should().BeApproximately(200 / root.GetProperty("seconds").GetDouble(), 0.001);
    }

    [Fact]
    public void BenchEngine_RefusesAModelThatDoesNotDeploy()
    {
        var (code, output, error) = Run("bench", "engine", "--model", Path.Combine(SharedData.RepositoryRoot, "no-such-model.bpmn"), "--instances", "10");

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Contain("cannot be deployed");
    }

    [Fact]
    public void BenchEngine_RefusesAnInstanceCountThatIsNotANumber()
    {
        var (code, _, error) = Run("bench", "engine", "--model", "x.bpmn", "--instances", "many");

        code.Should().Be(CliApp.UsageExitCode);
        error.Should().Contain("--instances");
    }

    [Fact]
    public void BenchMemory_ReportsTheHeapOfWaitingInstances()
    {
        var model = Path.Combine(SharedData.RepositoryRoot, "benchmarks", "Crm.Bpm.Benchmarks", "Engine", "Models", "wait-at-user-task.bpmn");

        var (code, output, error) = Run("bench", "memory", "--model", model, "--instances", "500", "--variables", "{\"owner\": \"ann\"}");

        code.Should().Be(0, error);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("openUserTasks").GetInt32().Should().Be(500);
        json.RootElement.GetProperty("managedBytes").GetInt64().Should().BePositive();
    }

    [Fact]
    public void BenchMemory_RefusesAModelWhoseInstancesDoNotWait()
    {
        var (code, _, error) = Run("bench", "memory", "--model", Path.Combine(SharedData.PeerModelsFolder, "straight10.bpmn"), "--instances", "3");

        code.Should().Be(1);
        error.Should().Contain("does not stay waiting");
    }
}
