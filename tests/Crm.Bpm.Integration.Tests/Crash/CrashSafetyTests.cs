using System.Diagnostics;
using System.Globalization;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.History;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Jobs;
using Crm.Bpm.Integration.Tests.Serve;
using Crm.Bpm.Persistence.Database;
using Crm.Bpm.Testing;
using Crm.Bpm.Testing.PostgreSql;
using Npgsql;
using Xunit.Abstractions;

namespace Crm.Bpm.Integration.Tests.Crash;

/// <summary>Issue #5's crash-safety acceptance: three <c>crm engine serve</c> processes on one PostgreSQL database, one killed with SIGKILL midway and started again; nothing is lost and nothing happens twice.</summary>
/// <remarks>
/// The model (Models/crash-test.bpmn) waits for a message the test correlates by key, runs a <c>crash-test</c> service
/// task whose handler writes a side-effect row in the job completion's transaction, waits on a PT1S timer, and ends.
/// <c>CRM_CRASH_INSTANCES</c> sets the number of instances (default 10,000).
/// </remarks>
public sealed class CrashSafetyTests(PostgreSqlDatabase database, ITestOutputHelper output) : IClassFixture<PostgreSqlDatabase>
{
    private const string ProcessId = "crash-test";
    private const int Drivers = 3;
    private static readonly TimeSpan CompletionBound = TimeSpan.FromMinutes(6);
    private static readonly string Model = Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Integration.Tests", "Models", "crash-test.bpmn");

    private static int InstanceCount =>
        int.TryParse(Environment.GetEnvironmentVariable("CRM_CRASH_INSTANCES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 10_000;

    [PostgreSqlFact]
    public async Task ThreeServers_OneKilledMidwayAndRestarted_EveryInstanceCompletesExactlyOnce()
    {
        var connectionString = database.ConnectionString!;
        var engineDatabase = EngineDatabase.Open(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = connectionString });
        using (var deployStore = engineDatabase.CreateStore())
        {
            // Deployed once here, so the servers' --deploy finds version 1 and changes nothing.
            var deployer = new ProcessEngine(deployStore);
            deployStore.Processes = deployer.GetProcess;
            var deployed = deployer.DeployFile(Model);
            deployed.Succeeded.Should().BeTrue(string.Join("; ", deployed.Diagnostics));
        }

        string[] serve =
        [
            "--store", "postgres", "--connection", connectionString, "--deploy", Model, "--handlers", "crash-test", "--history", "activity",
            "--lock-timeout", "5s", "--timer-lock-timeout", "5s", "--poll-interval", "200ms", "--concurrency", "8", "--log", "warn",
        ];
        var servers = new List<EngineServerProcess>();
        try
        {
            foreach (var node in new[] { "node-1", "node-2", "node-3" })
            {
                servers.Add(EngineServerProcess.Start(node, serve));
            }

            await Task.WhenAll(servers.Select(s => s.WaitUntilServing(TimeSpan.FromSeconds(90))));
            var instances = InstanceCount;
            var clock = Stopwatch.StartNew();
            var keys = new long[instances];
            var driven = 0;
            var crash = Task.Run(async () =>
            {
                while (Volatile.Read(ref driven) < instances / 2)
                {
                    await Task.Delay(20);
                }

                servers[1].KillHard();
                var killedAt = clock.Elapsed;
                var orphans = CountLockedBy("node-2", connectionString);
                servers[1].Dispose();
                servers[1] = EngineServerProcess.Start("node-2", serve);
                await servers[1].WaitUntilServing(TimeSpan.FromSeconds(90));
                return (killedAt, orphans, restartedAt: clock.Elapsed);
            });

            await Task.WhenAll(Enumerable.Range(0, Drivers).Select(d => Task.Run(() => Drive(engineDatabase, d, instances, keys, ref driven))));
            var drivenIn = clock.Elapsed;
            var (killedAt, orphans, restartedAt) = await crash;

            await WaitForCompletion(connectionString, instances, servers);
            var completedIn = clock.Elapsed;
            var report = string.Create(CultureInfo.InvariantCulture,
                $"crash test: {instances} instances, {Environment.ProcessorCount} cores; driven in {drivenIn.TotalSeconds:F1} s; node-2 killed at {killedAt.TotalSeconds:F1} s holding {orphans.Jobs} jobs and {orphans.Timers} timers, serving again at {restartedAt.TotalSeconds:F1} s; all completed in {completedIn.TotalSeconds:F1} s");
            output.WriteLine(report);
            Console.WriteLine(report);

            AssertExactlyOnce(connectionString, keys);

            foreach (var server in servers)
            {
                (await server.Terminate(TimeSpan.FromSeconds(60))).Should().Be(0, $"{server.NodeId} stops cleanly on SIGTERM:\n{server.Tail(20)}");
            }
        }
        finally
        {
            foreach (var server in servers)
            {
                output.WriteLine($"--- {server.NodeId} ---\n{server.Tail(30)}");
                server.Dispose();
            }
        }
    }

    private static void Drive(EngineDatabase engineDatabase, int driver, int instances, long[] keys, ref int driven)
    {
        using var store = engineDatabase.CreateStore();
        var engine = new ProcessEngine(store);
        store.Processes = engine.GetProcess;
        for (var i = driver; i < instances; i += Drivers)
        {
            var orderId = $"order-{i}";
            var started = engine.StartInstance(ProcessId, new Dictionary<string, object?> { ["orderId"] = orderId });
            started.Succeeded.Should().BeTrue($"instance {i} starts: {started.Error}");
            keys[i] = started.ProcessInstanceKey;
            var correlated = engine.CorrelateMessage("go", orderId);
            correlated.Succeeded.Should().BeTrue($"the message of instance {i} correlates: {correlated.Error}");
            correlated.Correlations.Should().Be(1, $"instance {i} waits for its message");
            Interlocked.Increment(ref driven);
        }
    }

    private async Task WaitForCompletion(string connectionString, int instances, List<EngineServerProcess> servers)
    {
        var deadline = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            var completed = Scalar(connectionString, $"SELECT count(*) FROM bpm_process_instances WHERE bpmn_process_id = '{ProcessId}' AND state = {(int)ProcessInstanceState.Completed}");
            if (completed == instances)
            {
                return;
            }

            if (deadline.Elapsed - lastReport > TimeSpan.FromSeconds(10))
            {
                lastReport = deadline.Elapsed;
                output.WriteLine($"{deadline.Elapsed.TotalSeconds:F0} s: {completed}/{instances} completed");
            }

            if (deadline.Elapsed > CompletionBound || servers.Any(s => s.HasExited))
            {
                throw new Xunit.Sdk.XunitException($"Only {completed} of {instances} instances completed within {CompletionBound}:\n" +
                    string.Join("\n", servers.Select(s => $"--- {s.NodeId} (exited: {s.HasExited}) ---\n{s.Tail(15)}")));
            }

            await Task.Delay(500);
        }
    }

    private static void AssertExactlyOnce(string connectionString, long[] keys)
    {
        var expected = keys.ToHashSet();
        expected.Should().HaveCount(keys.Length, "every start made its own instance");

        var completedEvents = Pairs(connectionString, $"SELECT instance_key, count(*) FROM bpm_history WHERE kind = {(int)HistoryEventKind.InstanceCompleted} AND bpmn_process_id = '{ProcessId}' GROUP BY instance_key");
        SameKeys(completedEvents.Keys, expected, "instances with a completion in the history");
        completedEvents.Where(p => p.Value != 1).Should().BeEmpty("no instance completed twice");

        var effects = Pairs(connectionString, "SELECT job_key, count(*) FROM crm_crash_test_effects GROUP BY job_key");
        effects.Where(p => p.Value != 1).Should().BeEmpty("no job's side effect was applied twice");
        effects.Should().HaveCount(keys.Length, "one side-effect row per job, one job per instance");
        var effectInstances = Pairs(connectionString, "SELECT process_instance_key, count(*) FROM crm_crash_test_effects GROUP BY process_instance_key");
        SameKeys(effectInstances.Keys, expected, "instances whose job wrote its effect");
        effectInstances.Where(p => p.Value != 1).Should().BeEmpty();

        foreach (var element in new[] { "Task_Effect", "Wait_Second" })
        {
            var passed = Pairs(connectionString, $"SELECT instance_key, count(*) FROM bpm_history WHERE kind = {(int)HistoryEventKind.ElementCompleted} AND element_id = '{element}' GROUP BY instance_key");
            passed.Should().HaveCount(keys.Length, $"every instance passed {element}");
            passed.Where(p => p.Value != 1).Should().BeEmpty($"no instance passed {element} twice");
        }

        var now = DateTimeOffset.UtcNow.UtcTicks;
        Scalar(connectionString, $"SELECT count(*) FROM bpm_jobs WHERE state = {(int)JobState.Activated} AND deadline < {now}").Should().Be(0, "no job lock outlives its expiry");
        Scalar(connectionString, "SELECT count(*) FROM bpm_jobs").Should().Be(0, "every job completed");
        Scalar(connectionString, $"SELECT count(*) FROM bpm_timers WHERE locked_until < {now}").Should().Be(0, "no timer lock outlives its expiry");
        Scalar(connectionString, $"SELECT count(*) FROM bpm_timers WHERE bpmn_process_id = '{ProcessId}'").Should().Be(0, "every timer fired");
        Scalar(connectionString, "SELECT count(*) FROM bpm_incidents").Should().Be(0, "no incident");
        Scalar(connectionString, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'")
            .Should().Be(0, "no connection holds rows locked in an open transaction");
    }

    private static void SameKeys(IEnumerable<long> actual, HashSet<long> expected, string what)
    {
        // Set operations: FluentAssertions' unordered equivalency compares every pair, too slow for 10,000 keys.
        var found = actual.ToHashSet();
        expected.Where(k => !found.Contains(k)).Take(10).Should().BeEmpty($"every instance is among the {what}");
        found.Where(k => !expected.Contains(k)).Take(10).Should().BeEmpty($"only the driven instances are among the {what}");
    }

    private static (long Jobs, long Timers) CountLockedBy(string node, string connectionString) =>
        (Scalar(connectionString, $"SELECT count(*) FROM bpm_jobs WHERE worker = '{node}' AND state = {(int)JobState.Activated}"),
         Scalar(connectionString, $"SELECT count(*) FROM bpm_timers WHERE lock_owner = '{node}'"));

    private static long Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static Dictionary<long, long> Pairs(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var pairs = new Dictionary<long, long>();
        while (reader.Read())
        {
            pairs[reader.GetInt64(0)] = reader.GetInt64(1);
        }

        return pairs;
    }
}
