using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Clock;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Persistence.Database;
using Crm.Bpm.Testing;
using Crm.Bpm.Testing.PostgreSql;

namespace Crm.Bpm.Persistence.Tests.Engine;

/// <summary>A PostgreSQL connection lost mid-run: the store reports it as unavailable, the engine retries, and nothing committed is lost.</summary>
public sealed class ConnectionLossTests(PostgreSqlDatabase postgres) : IClassFixture<PostgreSqlDatabase>
{
    private static readonly string Fixtures = Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Persistence.Tests", "Engine", "Fixtures");

    private EngineDatabase Open() => EngineDatabase.Open(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = postgres.ConnectionString });

    [PostgreSqlFact]
    public void Store_ReportsATerminatedConnection_AsUnavailable_ThenWorksAgain()
    {
        var database = Open();
        using var store = database.CreateStore();
        var first = store.ReserveKeys(10);

        PostgreSqlTestServer.Instance.TerminateConnections(postgres.ConnectionString!).Should().BeGreaterThan(0);
        var act = () => store.ReserveKeys(10);

        act.Should().Throw<StoreUnavailableException>().WithMessage("The PostgreSQL server 127.0.0.1:*");
        store.ReserveKeys(10).Should().Be(first + 10, "the failed reservation committed nothing and the store reconnects");
    }

    [PostgreSqlFact]
    public void Engine_ResumesAfterTheServerDropsItsConnections_AndLosesNothingCommitted()
    {
        var database = Open();
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var store = database.CreateStore();
        var engine = new ProcessEngine(store, clock, new EngineOptions { RecordEvents = false, KeyBlockSize = 5 });
        store.Processes = engine.GetProcess;
        engine.DeployFile(Path.Combine(Fixtures, "store.bpmn")).Succeeded.Should().BeTrue();
        var started = new List<long>();
        var terminated = 0;

        for (var i = 0; i < 200; i++)
        {
            if (i % 50 == 25)
            {
                terminated += PostgreSqlTestServer.Instance.TerminateConnections(postgres.ConnectionString!);
            }

            var result = engine.StartInstance("two-tasks");
            result.Succeeded.Should().BeTrue(result.Error?.Message);
            started.Add(result.ProcessInstanceKey);
            if (i % 2 == 0)
            {
                foreach (var task in engine.GetUserTasks(result.ProcessInstanceKey))
                {
                    engine.CompleteUserTask(task.Key).Succeeded.Should().BeTrue();
                }
            }
        }

        terminated.Should().BeGreaterThan(0, "the server dropped the engine's connections during the run");
        using var fresh = database.CreateStore();
        fresh.Processes = engine.GetProcess;
        var stored = fresh.Instances().ToDictionary(i => i.Key);
        stored.Keys.Should().BeEquivalentTo(started);
        started.Where((_, i) => i % 2 == 0).Should().OnlyContain(k => stored[k].State == ProcessInstanceState.Completed);
        started.Where((_, i) => i % 2 == 1).Should().OnlyContain(k => stored[k].State == ProcessInstanceState.Active);
        fresh.UserTasks().Should().HaveCount(200);
    }
}
