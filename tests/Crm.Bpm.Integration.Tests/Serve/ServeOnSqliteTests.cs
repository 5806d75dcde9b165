using System.Globalization;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Persistence.Database;
using Crm.Bpm.Testing;
using Microsoft.Data.Sqlite;

namespace Crm.Bpm.Integration.Tests.Serve;

/// <summary><c>crm engine serve</c> as an OS process on a SQLite file: the default single-node set-up.</summary>
public sealed class ServeOnSqliteTests : IDisposable
{
    private const int Instances = 20;
    private static readonly string Model = Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Integration.Tests", "Models", "crash-test.bpmn");
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-serve-sqlite-").FullName;

    [Fact]
    public async Task Server_RunsJobsAndTimersOfInstancesStartedElsewhere_AndStopsCleanlyOnSigterm()
    {
        var connectionString = $"Data Source={Path.Combine(_folder, "crm.db")}";
        using var server = EngineServerProcess.Start("solo", ["--store", "sqlite", "--connection", connectionString, "--deploy", Model, "--handlers", "crash-test", "--poll-interval", "100ms"]);
        await server.WaitUntilServing(TimeSpan.FromSeconds(90));

        var database = EngineDatabase.Open(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = connectionString });
        var keys = new List<long>();
        using (var store = database.CreateStore())
        {
            var engine = new ProcessEngine(store);
            store.Processes = engine.GetProcess;
            for (var i = 0; i < Instances; i++)
            {
                var started = engine.StartInstance("crash-test", new Dictionary<string, object?> { ["orderId"] = $"o-{i}" });
                started.Succeeded.Should().BeTrue(started.Error?.ToString());
                keys.Add(started.ProcessInstanceKey);
                engine.CorrelateMessage("go", $"o-{i}").Correlations.Should().Be(1);
            }
        }

        var bound = DateTime.UtcNow.AddSeconds(60);
        while (Scalar(connectionString, $"SELECT count(*) FROM bpm_process_instances WHERE state = {(int)ProcessInstanceState.Completed}") < Instances)
        {
            DateTime.UtcNow.Should().BeBefore(bound, $"all instances complete within a minute:\n{server.Tail(20)}");
            await Task.Delay(100);
        }

        Scalar(connectionString, "SELECT count(*) FROM crm_crash_test_effects WHERE node_id = 'solo'").Should().Be(Instances, "one side-effect row per job");
        Scalar(connectionString, "SELECT count(DISTINCT process_instance_key) FROM crm_crash_test_effects").Should().Be(Instances);
        (await server.Terminate(TimeSpan.FromSeconds(60))).Should().Be(0, server.Tail(20));
        server.Tail(5).Should().Contain($"node solo stopped: {Instances} jobs completed, 0 failed, 0 BPMN errors, {Instances} timers fired.");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static long Scalar(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
