using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Persistence.Database;
using Crm.Bpm.Testing;
using Microsoft.EntityFrameworkCore;

namespace Crm.Bpm.Cli.Tests;

public sealed class ServeEngineCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-serve-").FullName;

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = new CliApp(CommandCatalog.All()).Run(args, new CliConsole(output, error));
        return (code, output.ToString().Trim(), error.ToString().Trim());
    }

    [Fact]
    public void Serve_WithAnUnreachableDatabase_PrintsOneLineAndExitsWith3()
    {
        var (code, output, error) = Run("engine", "serve", "--store", "postgres", "--connection", "Host=127.0.0.1;Port=1;Database=crm;Username=crm;Timeout=3", "--node-id", "n1");

        code.Should().Be(3);
        output.Should().BeEmpty();
        error.Should().NotContain("\n", "the error is one line, not a stack trace");
        error.Should().StartWith("crm engine serve: Cannot open the PostgreSQL server 127.0.0.1:1");
    }

    [Fact]
    public void Serve_OnADatabaseMigratedByANewerVersion_RefusesToStartWith3()
    {
        var connection = $"Data Source={Path.Combine(_folder, "newer.db")}";
        var opened = EngineDatabase.Open(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = connection });
        using (var context = opened.CreateContext())
        {
            context.Database.ExecuteSqlRaw($"INSERT INTO {EngineMigrations.HistoryTable} (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromTheFuture', '99.0.0')");
        }

        var (code, _, error) = Run("engine", "serve", "--store", "sqlite", "--connection", connection, "--node-id", "n1");

        code.Should().Be(3);
        error.Should().Contain("newer version of Crm.Bpm").And.Contain("29991231000000_FromTheFuture");
    }

    [Fact]
    public void Serve_OnSqlite_DeploysTheModels_ServesAndStopsCleanly()
    {
        var connection = $"Data Source={Path.Combine(_folder, "serve.db")}";
        var model = Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Integration.Tests", "Models", "crash-test.bpmn");

        var (code, output, error) = Run("engine", "serve", "--store", "sqlite", "--connection", connection, "--node-id", "n1", "--deploy", model, "--handlers", "crash-test", "--stop-after", "500ms");

        code.Should().Be(0, error);
        output.Should().Contain($"crash-test version 1 deployed from {model}.")
            .And.Contain("node n1 serving the SQLite database")
            .And.Contain("job types: crash-test")
            .And.Contain("node n1 stopped: 0 jobs completed");
    }

    [Theory]
    [InlineData("--store", "oracle", "--store must be sqlite, postgres or sqlserver")]
    [InlineData("--history", "some", "--history must be none, activity or full")]
    [InlineData("--handlers", "mail", "--handlers knows only crash-test")]
    [InlineData("--lock-timeout", "5 minutes", "--lock-timeout must be a positive duration")]
    [InlineData("--concurrency", "0", "--concurrency must be a whole number of at least 1")]
    public void Serve_WithABadOption_ExplainsItAndExitsWith64(string option, string value, string message)
    {
        var args = new List<string> { "engine", "serve", "--store", "sqlite", "--connection", $"Data Source={Path.Combine(_folder, "x.db")}", "--node-id", "n1" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (code, _, error) = Run([.. args]);

        code.Should().Be(CliApp.UsageExitCode);
        error.Should().Contain(message);
    }

    [Fact]
    public void Serve_WithoutNodeId_IsAUsageError()
    {
        var (code, _, error) = Run("engine", "serve", "--store", "sqlite");

        code.Should().Be(CliApp.UsageExitCode);
        error.Should().Contain("option --node-id is required");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
