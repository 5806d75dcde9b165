using System.Text.Json;
using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Testing;
using Microsoft.Data.Sqlite;

namespace Crm.Bpm.Cli.Tests;

public sealed class BenchRecordsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-bench-records-").FullName;

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = new CliApp(CommandCatalog.All()).Run(args, new CliConsole(output, error));
        return (code, output.ToString().Trim(), error.ToString().Trim());
    }

    [Fact]
    public void BenchRecords_InsertsLeadsAndTimesPages_AsTwoJsonLines()
    {
        var connection = $"Data Source={Path.Combine(_folder, "bench.db")}";
        var schemas = Path.Combine(SharedData.RepositoryRoot, "processes", "schemas");

        var (code, output, error) = Run("bench", "records", "--store", "sqlite", "--connection", connection, "--records", "300", "--batch", "100", "--queries", "12", "--schemas", schemas);

        code.Should().Be(0, error);
        var lines = output.Split('\n');
        lines.Should().HaveCount(2);
        using var insert = JsonDocument.Parse(lines[0]);
        insert.RootElement.GetProperty("phase").GetString().Should().Be("insert");
        insert.RootElement.GetProperty("records").GetInt32().Should().Be(300);
        insert.RootElement.GetProperty("recordsPerSecond").GetDouble().Should().BePositive();
        using var query = JsonDocument.Parse(lines[1]);
        query.RootElement.GetProperty("phase").GetString().Should().Be("query");
        query.RootElement.GetProperty("leads").GetInt64().Should().Be(300);
        query.RootElement.GetProperty("queries").GetInt32().Should().Be(12);
        query.RootElement.GetProperty("rowsPerPage").GetDouble().Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(50);
        query.RootElement.GetProperty("p95Ms").GetDouble().Should().BeGreaterThanOrEqualTo(query.RootElement.GetProperty("p50Ms").GetDouble());

        var (again, more, _) = Run("bench", "records", "--store", "sqlite", "--connection", connection, "--records", "300", "--queries", "1", "--schemas", schemas, "--reuse");
        again.Should().Be(0);
        more.Split('\n')[0].Should().Contain("\"records\":0", "--reuse counts the leads already stored");
    }

    [Fact]
    public void BenchRecords_WithSeveralWriters_InsertsEveryBatchOnce()
    {
        var connection = $"Data Source={Path.Combine(_folder, "writers.db")}";
        var schemas = Path.Combine(SharedData.RepositoryRoot, "processes", "schemas");

        var (code, output, error) = Run("bench", "records", "--store", "sqlite", "--connection", connection, "--records", "250", "--batch", "40", "--writers", "3", "--queries", "2", "--schemas", schemas);

        code.Should().Be(0, error);
        using var insert = JsonDocument.Parse(output.Split('\n')[0]);
        insert.RootElement.GetProperty("records").GetInt32().Should().Be(250);
        insert.RootElement.GetProperty("writers").GetInt32().Should().Be(3);
        using var query = JsonDocument.Parse(output.Split('\n')[1]);
        query.RootElement.GetProperty("leads").GetInt64().Should().Be(250, "seven batches of 40 and one of 10, each stored once");
    }

    [Fact]
    public void BenchRecords_RefusesAnUnknownStore()
    {
        var (code, _, error) = Run("bench", "records", "--store", "oracle");

        code.Should().Be(CliApp.UsageExitCode);
        error.Should().Contain("--store must be sqlite or postgres");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
