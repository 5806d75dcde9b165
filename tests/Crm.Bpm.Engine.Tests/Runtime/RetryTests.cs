using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Clock;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Engine.Tests.Runtime;

/// <summary>Commands are run again on fresh state when the store reports a concurrent change or a short outage, and carry side effects that happen only with their commit.</summary>
public sealed class RetryTests
{
    private static readonly string Fixture = Path.Combine(RuntimeHarness.FixturesFolder, "durable.bpmn");

    private static (ProcessEngine Engine, FlakyStore Store, long Key) Create(EngineOptions? options = null)
    {
        var store = new FlakyStore();
        var engine = new ProcessEngine(store, new ManualClock(), options);
        engine.DeployFile(Fixture).Succeeded.Should().BeTrue();
        var key = engine.StartInstance("order", RuntimeHarness.Vars("""{"owner": "ann"}""")).ProcessInstanceKey;
        return (engine, store, key);
    }

    [Fact]
    public void Conflict_IsRetriedOnFreshState_AndCommittedOnce()
    {
        var (engine, store, key) = Create();
        var task = engine.GetUserTasks(key).Single();

        // Another server sets a variable on the same instance just before this command commits.
        var other = new ProcessEngine(store.Inner, new ManualClock());
        store.Conflicts = 1;
        store.BeforeConflict = () => other.Execute(new SetVariables(key) { Variables = RuntimeHarness.Vars("""{"note": "from the other server"}""") }).Succeeded.Should().BeTrue();
        var commitsBefore = store.Commits;
        store.Attempts = 0;

        var result = engine.CompleteUserTask(task.Key, RuntimeHarness.Vars("""{"approved": true}"""));

        result.Succeeded.Should().BeTrue(result.Error?.ToString());
        store.Attempts.Should().Be(2, "the command ran a second time after the conflict");
        store.Commits.Should().Be(commitsBefore + 1, "only the retry committed");
        var instance = engine.GetInstance(key)!;
        instance.Variables["note"].GetString().Should().Be("from the other server", "the retry saw the other server's change");
        instance.Variables["approved"].GetBoolean().Should().BeTrue();
        engine.GetJobs(key, "ship").Should().ContainSingle();
    }

    [Fact]
    public void AlwaysConflicting_EndsInConflict_AfterTheConfiguredRetries_WithNothingWritten()
    {
        var (engine, store, key) = Create(new EngineOptions { ConflictRetries = 3 });
        var task = engine.GetUserTasks(key).Single();
        var version = engine.GetInstance(key)!.Version;
        store.Conflicts = int.MaxValue;
        store.Attempts = 0;

        var result = engine.CompleteUserTask(task.Key);

        result.Error!.Code.Should().Be(CommandErrorCode.Conflict);
        store.Attempts.Should().Be(4, "one run and three retries");
        engine.GetInstance(key)!.Version.Should().Be(version);
        engine.GetUserTasks(key).Should().ContainSingle(t => t.Key == task.Key);
        engine.GetJobs(key).Should().BeEmpty();
    }

    [Fact]
    public void Unavailable_IsRetriedWithBackoff_UntilTheStoreAnswers()
    {
        var (engine, store, key) = Create();
        var task = engine.GetUserTasks(key).Single();
        store.Outages = 2;
        store.Attempts = 0;

        var result = engine.CompleteUserTask(task.Key);

        result.Succeeded.Should().BeTrue(result.Error?.ToString());
        store.Attempts.Should().Be(3);
        engine.GetJobs(key, "ship").Should().ContainSingle();
    }

    [Fact]
    public void Unavailable_BeyondTheRetryTime_EndsInUnavailable_WithNothingWritten()
    {
        var (engine, store, key) = Create(new EngineOptions { UnavailableRetryTime = TimeSpan.FromMilliseconds(60) });
        var task = engine.GetUserTasks(key).Single();
        store.Outages = int.MaxValue;

        var result = engine.CompleteUserTask(task.Key);

        result.Error!.Code.Should().Be(CommandErrorCode.Unavailable);
        result.Error.Message.Should().Contain("Nothing was changed");
        store.Outages = 0;
        engine.GetUserTasks(key).Should().ContainSingle(t => t.Key == task.Key);
        engine.CompleteUserTask(task.Key).Succeeded.Should().BeTrue("the command works once the store is back");
    }

    [Fact]
    public void Effects_RunOnceWithTheCommit_AndNotWhenTheCommandIsRefused()
    {
        var (engine, store, key) = Create();
        var task = engine.GetUserTasks(key).Single();
        var effect = new CountingEffect();
        store.Conflicts = 1;

        engine.Execute(new CompleteUserTask(task.Key) { Effects = [effect] }).Succeeded.Should().BeTrue();
        engine.Execute(new CompleteUserTask(task.Key) { Effects = [effect] }).Error!.Code.Should().Be(CommandErrorCode.NotFound);

        effect.Applied.Should().Be(1, "the conflicting attempt committed nothing and the refused command has no commit");
    }

    [Fact]
    public void EffectThatThrows_RollsTheCommandBack()
    {
        var (engine, _, key) = Create();
        var task = engine.GetUserTasks(key).Single();
        var version = engine.GetInstance(key)!.Version;

        var result = engine.Execute(new CompleteUserTask(task.Key) { Effects = [new CountingEffect { Fail = true }] });

        result.Error!.Code.Should().Be(CommandErrorCode.Internal);
        engine.GetInstance(key)!.Version.Should().Be(version);
        engine.GetUserTasks(key).Should().ContainSingle(t => t.Key == task.Key);
        engine.GetJobs(key).Should().BeEmpty();
    }

    [Fact]
    public void Keys_ComeFromReservedBlocks_AndNeverRepeatAcrossEngines()
    {
        var store = new InMemoryProcessStore();
        var first = new ProcessEngine(store, new ManualClock(), new EngineOptions { KeyBlockSize = 5 });
        var second = new ProcessEngine(store, new ManualClock(), new EngineOptions { KeyBlockSize = 5 });
        first.DeployFile(Fixture).Succeeded.Should().BeTrue();
        second.DeployFile(Fixture).Succeeded.Should().BeTrue();
        var keys = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            foreach (var engine in new[] { first, second })
            {
                var result = engine.StartInstance("order", RuntimeHarness.Vars("""{"owner": "ann"}"""));
                keys.Add(result.ProcessInstanceKey);
                keys.AddRange(engine.GetUserTasks(result.ProcessInstanceKey).Select(t => t.Key));
            }
        }

        keys.Should().OnlyHaveUniqueItems();
        store.LastKey.Should().BeGreaterThanOrEqualTo(keys.Max());
    }

    [Fact]
    public void Deployment_TheStoreRefuses_IsADiagnostic_AndDeployingAgainWorks()
    {
        var store = new FlakyStore { Conflicts = 1 };
        var engine = new ProcessEngine(store, new ManualClock());

        var refused = engine.DeployFile(Fixture);
        var again = engine.DeployFile(Fixture);

        refused.Succeeded.Should().BeFalse();
        refused.Diagnostics.Should().ContainSingle(d => d.Code == Engine.Runtime.Compilation.CompileDiagnosticCodes.StoreRefused && d.Message.Contains("deploy again"));
        engine.GetProcess("order").Should().NotBeNull("the second deployment went through");
        again.Processes.Should().Contain(p => p.BpmnProcessId == "order" && p.Version == 1);
    }

    private sealed class CountingEffect : ICommitEffect
    {
        public int Applied { get; private set; }

        public bool Fail { get; init; }

        public void Apply(CommitContext context)
        {
            context.Connection.Should().BeNull("the in-memory store has no database connection");
            if (Fail)
            {
                throw new InvalidOperationException("the outbox is full");
            }

            Applied++;
        }
    }

    /// <summary>Fails commits on demand: with a concurrency conflict or as unavailable.</summary>
    private sealed class FlakyStore : ForwardingProcessStore
    {
        public int Conflicts { get; set; }

        public int Outages { get; set; }

        public Action? BeforeConflict { get; set; }

        public int Attempts { get; set; }

        public int Commits { get; private set; }

        public override void Commit(StoreChanges changes)
        {
            Attempts++;
            if (Outages > 0)
            {
                Outages--;
                throw new StoreUnavailableException("the database is restarting.");
            }

            if (Conflicts > 0)
            {
                Conflicts--;
                BeforeConflict?.Invoke();
                BeforeConflict = null;
                throw new StoreConcurrencyException("another server changed the instance.");
            }

            base.Commit(changes);
            Commits++;
        }
    }
}
