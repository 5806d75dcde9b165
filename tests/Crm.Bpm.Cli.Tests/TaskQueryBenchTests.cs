using System.Text.Json;
using Crm.Bpm.Cli.Hosting;
using Microsoft.Data.Sqlite;

namespace Crm.Bpm.Cli.Tests;

/// <summary><c>crm bench engine --scenario task-query</c> on a SQLite file: tasks loaded in bulk are read back and found in the task lists, and <c>--reuse</c> measures an earlier run's tasks again but refuses any other database.</summary>
public sealed class TaskQueryBenchTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-taskquery-bench-").FullName;

    private string Connection => $"Data Source={Path.Combine(_folder, "tasks.db")}";

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = new CliApp(CommandCatalog.All()).Run(args, new CliConsole(output, error));
        return (code, output.ToString().Trim(), error.ToString().Trim());
    }

    private static List<string> Names(string output) =>
        [.. output.Split('\n').Select(line => JsonDocument.Parse(line).RootElement.GetProperty("name").GetString()!)];

    [Fact]
    public void Reuse_MeasuresTheTasksOfAnEarlierRun_WithoutLoadingThemAgain()
    {
        var first = Run("bench", "engine", "--store", "sqlite", "--connection", Connection, "--scenario", "task-query", "--instances", "600", "--queries", "20");
        first.Code.Should().Be(0, first.Error);
        Names(first.Out).Should().StartWith("task-query load");

        var again = Run("bench", "engine", "--store", "sqlite", "--connection", Connection, "--scenario", "task-query", "--instances", "600", "--queries", "20", "--reuse");

        again.Code.Should().Be(0, again.Error);
        Names(again.Out).Should().Equal("task-query p50", "task-query p95", "task-query p99", "task-query rows per page");
        CountTasks().Should().Be(600, "a reused database is only read");
    }

    [Fact]
    public void Reuse_RefusesADatabaseWithAnotherNumberOfTasks()
    {
        Run("bench", "engine", "--store", "sqlite", "--connection", Connection, "--scenario", "task-query", "--instances", "300", "--queries", "5").Code.Should().Be(0);

        var (code, _, error) = Run("bench", "engine", "--store", "sqlite", "--connection", Connection, "--scenario", "task-query", "--instances", "400", "--queries", "5", "--reuse");

        code.Should().Be(1);
        error.Should().Contain("--reuse needs a database that an earlier task-query run with --instances 400 loaded").And.Contain("300 task(s)");
    }

    [Fact]
    public void Reuse_NeedsTheTaskQueryScenarioAndAConnection()
    {
        var (code, _, error) = Run("bench", "engine", "--store", "sqlite", "--scenario", "task-query", "--reuse");

        code.Should().Be(64);
        error.Should().Contain("--reuse applies to --scenario task-query with --connection");
    }

    private long CountTasks()
    {
        using var connection = new SqliteConnection(Connection);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM bpm_user_tasks";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
