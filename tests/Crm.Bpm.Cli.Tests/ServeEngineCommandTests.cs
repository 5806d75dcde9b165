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
    public void Serve_WithoutStoreOrNodeId_UsesSqliteAndANodeIdOfTheMachine()
    {
        var connection = $"Data Source={Path.Combine(_folder, "defaults.db")}";

        var (code, output, error) = Run("engine", "serve", "--connection", connection, "--stop-after", "200ms");

        code.Should().Be(0, error);
        output.Should().Contain($"node {Environment.MachineName}-{Environment.ProcessId} serving the SQLite database")
            .And.Contain("job types: none (external workers only)");
    }

    [Fact]
    public void Serve_WithCrm_LoadsTheDecisionsAndSchemas_AndServesTheBuiltInConnectors()
    {
        var connection = $"Data Source={Path.Combine(_folder, "crm.db")}";
        var folder = Path.Combine(SharedData.RepositoryRoot, "processes", "lead-qualification");
        var deploy = $"{Path.Combine(folder, "lead-qualification.bpmn")},{Path.Combine(folder, "lead-scoring.dmn")}";
        var schemas = Path.Combine(SharedData.RepositoryRoot, "processes", "schemas");

        var (code, output, error) = Run("engine", "serve", "--connection", connection, "--node-id", "n1", "--deploy", deploy, "--crm", schemas, "--stop-after", "300ms");

        code.Should().Be(0, error);
        output.Should().Contain("decisions lead-scoring loaded from")
            .And.Contain("lead-qualification version 1 deployed from")
            .And.Contain($"8 entity schemas from {schemas}; record triggers and built-in connectors on.")
            .And.Contain("crm:create-record").And.Contain("crm:assign").And.Contain("crm:send-email").And.Contain("crm:http");
    }

    [Fact]
    public void Serve_WithAMissingSchemaFolder_SaysWhichAndExitsWith3()
    {
        var connection = $"Data Source={Path.Combine(_folder, "noschemas.db")}";
        var missing = Path.Combine(_folder, "no-such-folder");

        var (code, _, error) = Run("engine", "serve", "--connection", connection, "--node-id", "n1", "--crm", missing);

        code.Should().Be(Crm.Bpm.Cli.Serve.ServeEngineCommand.DatabaseExitCode);
        error.Should().Contain($"the schema folder '{missing}' does not exist").And.Contain("processes/schemas");
    }

    [Fact]
    public void Serve_WithABadSmtpAddress_IsAUsageError()
    {
        var (code, _, error) = Run("engine", "serve", "--connection", $"Data Source={Path.Combine(_folder, "smtp.db")}", "--smtp", "mailhost");

        code.Should().Be(CliApp.UsageExitCode);
        error.Should().Contain("--smtp must be HOST:PORT");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
