using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Clock;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Engine.Tests.Runtime;

/// <summary><see cref="ProcessEngine.ExecuteBatch"/>: independent commands committed together, each still all-or-nothing on its own.</summary>
public sealed class BatchExecutionTests
{
    private sealed class CountingStore(bool batches = true) : ForwardingProcessStore
    {
        public int Commits { get; private set; }

        public List<int> BatchSizes { get; } = [];

        public bool FailNextBatch { get; set; }

        public override bool SupportsBatchCommit => batches;

        public override void Commit(StoreChanges changes)
        {
            Commits++;
            base.Commit(changes);
        }

        public override void CommitBatch(IReadOnlyList<StoreChanges> batch)
        {
            BatchSizes.Add(batch.Count);
            if (FailNextBatch)
            {
                FailNextBatch = false;
                throw new StoreUnavailableException("the connection broke during the batch commit");
            }

            base.CommitBatch(batch);
        }
    }

    private static (ProcessEngine Engine, CountingStore Store, ManualClock Clock) Deployed(bool batches = true)
    {
        var store = new CountingStore(batches);
        var clock = new ManualClock(DurableHarness.T0);
        var engine = new ProcessEngine(store, clock);
        engine.DeployFile(Path.Combine(RuntimeHarness.FixturesFolder, "durable.bpmn")).Succeeded.Should().BeTrue();
        return (engine, store, clock);
    }

    private static List<long> StartOrders(ProcessEngine engine, int count) =>
        [.. Enumerable.Range(0, count).Select(i => engine.StartInstance("order", RuntimeHarness.Vars($$"""{"owner": "user-{{i}}"}""")).ProcessInstanceKey)];

    private static EngineCommand[] Firings(ProcessEngine engine, IEnumerable<long> instances) =>
        [.. instances.Select(k => (EngineCommand)new FireTimer(engine.GetTimers(k).Single().Key))];

    [Fact]
    public void TimersOfSeveralInstances_AreFiredInOneCommit()
    {
        var (engine, store, clock) = Deployed();
        var keys = StartOrders(engine, 3);
        var fired = Firings(engine, keys);
        clock.Advance(TimeSpan.FromHours(1));
        var commitsBefore = store.Commits;

        var results = engine.ExecuteBatch(fired);

        results.Should().OnlyContain(r => r.Succeeded);
        results.Select(r => r.Instances.Single().Key).Should().Equal(keys);
        store.BatchSizes.Should().Equal(3);
        store.Commits.Should().Be(commitsBefore, "the batch is one commit");
        foreach (var key in keys)
        {
            engine.GetTimers(key).Should().ContainSingle("the reminder cycle scheduled its next repetition")
                .Which.DueDate.Should().Be(DurableHarness.T0.AddHours(2));
        }
    }

    [Fact]
    public void ARefusedCommand_DoesNotHoldUpTheOthers()
    {
        var (engine, store, clock) = Deployed();
        var keys = StartOrders(engine, 2);
        var fired = Firings(engine, keys);
        clock.Advance(TimeSpan.FromHours(1));

        var results = engine.ExecuteBatch([fired[0], new FireTimer(999_999), fired[1]]);

        results[0].Succeeded.Should().BeTrue();
        results[1].Error!.Code.Should().Be(CommandErrorCode.NotFound);
        results[2].Succeeded.Should().BeTrue();
        store.BatchSizes.Should().Equal(2);
    }

    [Fact]
    public void CommandsOnTheSameInstance_RunOneAfterTheOther()
    {
        var (engine, _, _) = Deployed();
        var key = StartOrders(engine, 1).Single();
        var version = engine.GetInstance(key)!.Version;

        var results = engine.ExecuteBatch(
        [
            new SetVariables(key) { Variables = new Dictionary<string, object?> { ["score"] = 1 } },
            new SetVariables(key) { Variables = new Dictionary<string, object?> { ["rating"] = "A" } },
        ]);

        results.Should().OnlyContain(r => r.Succeeded);
        var variables = engine.GetVariables(key);
        variables["score"].GetInt32().Should().Be(1);
        variables["rating"].GetString().Should().Be("A");
        engine.GetInstance(key)!.Version.Should().Be(version + 2, "the second command ran on what the first committed");
    }

    [Fact]
    public void WhenTheBatchCommitFails_EachCommandRunsOnItsOwn_AndFiresOnce()
    {
        var (engine, store, clock) = Deployed();
        var keys = StartOrders(engine, 3);
        var fired = Firings(engine, keys);
        clock.Advance(TimeSpan.FromHours(1));
        store.FailNextBatch = true;
        var commitsBefore = store.Commits;

        var results = engine.ExecuteBatch(fired);

        results.Should().OnlyContain(r => r.Succeeded);
        store.Commits.Should().Be(commitsBefore + 3, "after the failed batch each firing committed alone");
        foreach (var key in keys)
        {
            engine.GetTimers(key).Should().ContainSingle().Which.DueDate.Should().Be(DurableHarness.T0.AddHours(2));
            engine.GetInstance(key)!.Version.Should().Be(2, "fired once, not twice");
        }
    }

    [Fact]
    public void OnAStoreWithoutBatchCommits_EachCommandCommitsOnItsOwn()
    {
        var (engine, store, clock) = Deployed(batches: false);
        var keys = StartOrders(engine, 3);
        var fired = Firings(engine, keys);
        clock.Advance(TimeSpan.FromHours(1));
        var commitsBefore = store.Commits;

        var results = engine.ExecuteBatch(fired);

        results.Should().OnlyContain(r => r.Succeeded);
        store.Commits.Should().Be(commitsBefore + 3);
        store.BatchSizes.Should().BeEmpty();
    }
}
