using System.Text.Json;
using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Cli.Tests;

/// <summary><c>crm bench engine</c> with a store and a scenario, on small counts: the shape of the figure lines and the refusals; no timing is asserted.</summary>
public class EngineBenchFigureTests
{
    private static readonly string Straight10 = Path.Combine(SharedData.PeerModelsFolder, "straight10.bpmn");

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = new CliApp(CommandCatalog.All()).Run(args, new CliConsole(output, error));
        return (code, output.ToString().Trim(), error.ToString().Trim());
    }

    private static List<JsonElement> Figures(string output) =>
        output.Split('\n').Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    private static void ShouldBeAFigure(JsonElement figure, string name, string unit, int instances, string store)
    {
        figure.EnumerateObject().Select(p => p.Name).Should().Equal("name", "value", "unit", "instances", "store", "cores");
        figure.GetProperty("name").GetString().Should().Be(name);
        figure.GetProperty("value").GetDouble().Should().BePositive();
        figure.GetProperty("unit").GetString().Should().Be(unit);
        figure.GetProperty("instances").GetInt32().Should().Be(instances);
        figure.GetProperty("store").GetString().Should().Be(store);
        figure.GetProperty("cores").GetInt32().Should().Be(Environment.ProcessorCount);
    }

    [Fact]
    public void Model_OnSqlite_PrintsInstancesPerSecond()
    {
        var (code, output, error) = Run("bench", "engine", "--store", "sqlite", "--model", Straight10, "--instances", "50");

        code.Should().Be(0, error);
        var figures = Figures(output);
        figures.Should().ContainSingle();
        ShouldBeAFigure(figures[0], "model straight10.bpmn", "instances/s", 50, "sqlite");
    }

    [Fact]
    public void Model_OnSqlite_WithTwoEngines_SpreadsTheInstancesAndSaysSo()
    {
        var (code, output, error) = Run("bench", "engine", "--store", "sqlite", "--model", Straight10, "--instances", "50", "--engines", "2");

        code.Should().Be(0, error);
        ShouldBeAFigure(Figures(output).Single(), "model straight10.bpmn (2 engines)", "instances/s", 50, "sqlite");
    }

    [Fact]
    public void UserTaskCycle_OnSqlite_WithThreeEngines_PrintsCyclesPerSecond()
    {
        var (code, output, error) = Run("bench", "engine", "--store", "sqlite", "--scenario", "user-task-cycle", "--instances", "31", "--engines", "3");

        code.Should().Be(0, error);
        ShouldBeAFigure(Figures(output).Single(), "user-task-cycle (3 engines)", "cycles/s", 31, "sqlite");
    }

    [Theory]
    [InlineData("memory", "--model", "2", "--engines needs --store sqlite or --store postgres")]
    [InlineData("sqlite", "--model", "0", "--engines must be a whole number from 1 to 64")]
    [InlineData("sqlite", "--scenario", "2", "--engines applies to --model and --scenario user-task-cycle or timers")]
    public void Engines_WhereTheyCannotApply_AreUsageErrors(string store, string what, string engines, string message)
    {
        string[] args = what == "--model"
            ? ["bench", "engine", "--store", store, "--model", Straight10, "--engines", engines]
            : ["bench", "engine", "--store", store, "--scenario", "task-query", "--engines", engines];

        var (code, output, error) = Run(args);

        code.Should().Be(CliApp.UsageExitCode);
        output.Should().BeEmpty();
        error.Should().Contain(message);
    }

    [Fact]
    public void Model_InMemory_WithFullHistory_PrintsAFigureLine()
    {
        var (code, output, error) = Run("bench", "engine", "--store", "memory", "--history", "full", "--model", Straight10, "--instances", "50");

        code.Should().Be(0, error);
        ShouldBeAFigure(Figures(output).Single(), "model straight10.bpmn", "instances/s", 50, "memory");
    }

    [Fact]
    public void UserTaskCycle_OnSqlite_PrintsCyclesPerSecond()
    {
        var (code, output, error) = Run("bench", "engine", "--store", "sqlite", "--scenario", "user-task-cycle", "--instances", "50");

        code.Should().Be(0, error);
        ShouldBeAFigure(Figures(output).Single(), "user-task-cycle", "cycles/s", 50, "sqlite");
    }

    [Fact]
    public void Timers_OnSqlite_FiresEveryTimer_AndPrintsTheSeconds()
    {
        var (code, output, error) = Run("bench", "engine", "--store", "sqlite", "--scenario", "timers", "--instances", "50");

        code.Should().Be(0, error);
        // "instances" is the number of timers fired: the run fails when fewer fire than were due.
        ShouldBeAFigure(Figures(output).Single(), "timers", "s", 50, "sqlite");
    }

    [Fact]
    public void TaskQuery_OnSqlite_PrintsTheLoadRateAndThePercentiles()
    {
        var (code, output, error) = Run("bench", "engine", "--store", "sqlite", "--scenario", "task-query", "--instances", "1000", "--queries", "40");

        code.Should().Be(0, error);
        var figures = Figures(output);
        figures.Select(f => f.GetProperty("name").GetString()).Should().Equal("task-query load", "task-query p50", "task-query p95", "task-query p99", "task-query rows per page");
        ShouldBeAFigure(figures[0], "task-query load", "tasks/s", 1000, "sqlite");
        ShouldBeAFigure(figures[1], "task-query p50", "ms", 1000, "sqlite");
        ShouldBeAFigure(figures[2], "task-query p95", "ms", 1000, "sqlite");
        ShouldBeAFigure(figures[3], "task-query p99", "ms", 1000, "sqlite");
        figures[1].GetProperty("value").GetDouble().Should().BeLessThanOrEqualTo(figures[2].GetProperty("value").GetDouble());
        figures[2].GetProperty("value").GetDouble().Should().BeLessThanOrEqualTo(figures[3].GetProperty("value").GetDouble());
        figures[4].GetProperty("unit").GetString().Should().Be("tasks");
        figures[4].GetProperty("value").GetDouble().Should().BeInRange(1, 50);
    }

    [Fact]
    public void ADatabaseWithEngineData_IsRefused_WithOneLine()
    {
        var file = Path.Combine(Path.GetTempPath(), $"crm-bench-test-{Guid.NewGuid():N}.db");
        try
        {
            Run("bench", "engine", "--store", "sqlite", "--connection", $"Data Source={file}", "--model", Straight10, "--instances", "5").Code.Should().Be(0);

            var (code, output, error) = Run("bench", "engine", "--store", "sqlite", "--connection", $"Data Source={file}", "--model", Straight10, "--instances", "5");

            code.Should().Be(3);
            output.Should().BeEmpty();
            error.Should().NotContain("\n").And.Contain("already holds engine data").And.Contain("empty database");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    [Fact]
    public void AnUnreachablePostgreSqlServer_GivesOneLine_AndExitCode3()
    {
        var (code, output, error) = Run("bench", "engine", "--store", "postgres", "--connection", "Host=127.0.0.1;Port=1;Username=nobody;Database=nothing;Timeout=3", "--scenario", "timers");

        code.Should().Be(3);
        output.Should().BeEmpty();
        error.Should().NotContain("\n").And.StartWith("crm bench engine: Cannot open").And.Contain("127.0.0.1");
    }

    [Theory]
    [InlineData("--store", "oracle", "--store must be memory, sqlite or postgres")]
    [InlineData("--scenario", "payroll", "--scenario must be user-task-cycle, timers, task-query")]
    [InlineData("--history", "some", "--history must be none, activity or full")]
    [InlineData("--queries", "0", "--queries must be a whole number")]
    public void BadOptions_AreUsageErrors(string option, string value, string message)
    {
        string[] args = option == "--scenario"
            ? ["bench", "engine", "--store", "sqlite", option, value]
            : ["bench", "engine", "--scenario", "timers", option, value];

        var (code, output, error) = Run(args);

        code.Should().Be(CliApp.UsageExitCode);
        output.Should().BeEmpty();
        error.Should().Contain(message);
    }

    [Fact]
    public void PostgreSqlWithoutAConnectionString_SaysHowToGiveOne()
    {
        var (code, _, error) = Run("bench", "engine", "--store", "postgres", "--scenario", "task-query");

        code.Should().Be(CliApp.UsageExitCode);
        error.Should().Contain("--connection").And.Contain("starts no PostgreSQL server");
    }

    [Fact]
    public void AModelAndAScenarioTogether_AreRefused()
    {
        var (code, _, error) = Run("bench", "engine", "--store", "sqlite", "--model", Straight10, "--scenario", "timers");

        code.Should().Be(CliApp.UsageExitCode);
        error.Should().Contain("either --model FILE or --scenario");
    }
}
