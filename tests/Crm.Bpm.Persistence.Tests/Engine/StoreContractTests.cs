using System.Collections.Concurrent;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Clock;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Persistence.Database;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Persistence.Tests.Engine;

/// <summary>The store contract on real databases: concurrency between engines, effects in the transaction, locked acquisition, task query, history, deployment.</summary>
public sealed partial class StoreContractTests(StoreDatabases databases) : IClassFixture<StoreDatabases>
{
    private static readonly string Fixtures = Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Persistence.Tests", "Engine", "Fixtures");
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers() => StoreDatabases.Providers();

    private static ProcessEngine Engine(EngineDatabase database, IEngineClock clock, EngineOptions? options = null)
    {
        var store = database.CreateStore();
        var engine = new ProcessEngine(store, clock, options ?? new EngineOptions { RecordEvents = false });
        store.Processes = engine.GetProcess;
        return engine;
    }

    private static ProcessEngine Deployed(EngineDatabase database, IEngineClock clock, EngineOptions? options = null)
    {
        var engine = Engine(database, clock, options);
        engine.DeployFile(Path.Combine(Fixtures, "store.bpmn")).Diagnostics.Where(d => d.IsError).Should().BeEmpty();
        return engine;
    }

    private static Dictionary<string, object?> Vars(params (string Name, object? Value)[] values) => values.ToDictionary(v => v.Name, v => v.Value);

    [Theory]
    [MemberData(nameof(Providers))]
    public void InstanceStartedOnOneEngine_IsCompletedByAnother(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var first = Deployed(database, clock);
        var second = Engine(database, clock);

        var key = first.StartInstance("two-tasks").ProcessInstanceKey;
        foreach (var task in second.GetUserTasks(key))
        {
            second.CompleteUserTask(task.Key).Succeeded.Should().BeTrue();
        }

        first.GetInstance(key)!.State.Should().Be(ProcessInstanceState.Completed);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void StaleCommit_IsRefused_AndWritesNothing(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var engine = Deployed(database, clock);
        var key = engine.StartInstance("two-tasks").ProcessInstanceKey;
        using var stale = database.CreateStore();
        stale.Processes = engine.GetProcess;
        var loaded = stale.FindInstance(key)!;
        var tasks = engine.GetUserTasks(key);
        engine.CompleteUserTask(tasks[0].Key).Succeeded.Should().BeTrue();

        var changes = new StoreChanges();
        changes.Instances.Add((loaded, loaded.Version));
        changes.UserTasks.Delete(tasks[1].Key);
        var act = () => stale.Commit(changes);

        act.Should().Throw<StoreConcurrencyException>();
        engine.GetUserTasks(key).Select(t => t.Key).Should().Equal(tasks[1].Key);
        engine.GetInstance(key)!.Version.Should().Be(2);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void RefusedCommit_LeavesNoneOfItsWrites_AlsoThoseSentBeforeTheFailedCheck(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var engine = Deployed(database, clock);
        var key = engine.StartInstance("two-tasks").ProcessInstanceKey;
        var task = engine.GetUserTasks(key)[0];
        using var stale = database.CreateStore();
        stale.FindUserTask(task.Key).Should().NotBeNull();
        engine.CompleteUserTask(task.Key).Succeeded.Should().BeTrue();

        // The definition row is written before the task row: the check on the (vanished) task fails after it went out.
        var changes = new StoreChanges();
        changes.Definitions.Add(new ProcessDefinitionRecord { Key = 9_000_001, BpmnProcessId = "written-before-the-check", Version = 1, Checksum = "x", DeployedAt = Start });
        changes.UserTasks.Delete(task.Key);
        var act = () => stale.Commit(changes);

        act.Should().Throw<StoreConcurrencyException>().Which.Message.Should().Contain(task.Key.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var fresh = database.CreateStore();
        fresh.FindDefinition(9_000_001).Should().BeNull();
        fresh.FindLatestDefinition("written-before-the-check").Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Start_AfterAnotherEngineDeployedANewVersion_RunsOnTheNewVersion(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var first = Deployed(database, clock);
        var second = Engine(database, clock);
        var before = second.StartInstance("straight").ProcessInstanceKey;

        // The second engine has seen version 1 as the latest; the first deploys version 2 (one more task).
        var source = File.ReadAllText(Path.Combine(Fixtures, "store.bpmn"));
        var changed = source.Replace("<task id=\"B\"/>", "<task id=\"B\"/><sequenceFlow id=\"sx\" sourceRef=\"B\" targetRef=\"C\"/><task id=\"C\"/>", StringComparison.Ordinal)
            .Replace("<sequenceFlow id=\"s3\" sourceRef=\"B\"", "<sequenceFlow id=\"s3\" sourceRef=\"C\"", StringComparison.Ordinal);
        changed.Should().NotBe(source);
        var deployed = first.Deploy(changed, "store.bpmn");
        deployed.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
        deployed.Processes.Single(p => p.BpmnProcessId == "straight").Version.Should().Be(2);

        var after = second.StartInstance("straight");

        after.Succeeded.Should().BeTrue();
        second.GetInstance(before)!.Definition.Version.Should().Be(1);
        second.GetInstance(after.ProcessInstanceKey)!.Definition.Version.Should().Be(2);
        first.GetInstance(after.ProcessInstanceKey)!.Definition.Version.Should().Be(2);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void TwoEngines_CompletingTasksOfTheSameInstancesAtOnce_BothSucceed_OnFreshState(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var left = Deployed(database, clock);
        var right = Engine(database, clock);
        var keys = Enumerable.Range(0, 30).Select(_ => left.StartInstance("two-tasks").ProcessInstanceKey).ToList();
        var tasks = keys.ToDictionary(k => k, k => left.GetUserTasks(k).ToDictionary(t => t.ElementId, t => t.Key));

        var results = new ConcurrentBag<CommandResult>();
        Parallel.Invoke(
            () => keys.ForEach(k => results.Add(left.CompleteUserTask(tasks[k]["Task_Left"]))),
            () => keys.ForEach(k => results.Add(right.CompleteUserTask(tasks[k]["Task_Right"]))));

        results.Should().OnlyContain(r => r.Succeeded);
        keys.Select(k => left.GetInstance(k)!.State).Should().OnlyContain(s => s == ProcessInstanceState.Completed);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void FailingEffect_RollsBackTheWholeCommit(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var engine = Deployed(database, clock);
        var key = engine.StartInstance("job").ProcessInstanceKey;
        var job = engine.GetJobs(key).Single();
        var version = engine.GetInstance(key)!.Version;

        var result = engine.Execute(new CompleteJob(job.Key) { Effects = [new WriteThenFail()] });

        result.Succeeded.Should().BeFalse();
        engine.GetJobs(key).Select(j => j.Key).Should().Equal(job.Key);
        engine.GetInstance(key)!.Version.Should().Be(version);
        engine.GetInstance(key)!.State.Should().Be(ProcessInstanceState.Active);
        CountEffectRows(database).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Effect_IsWrittenInTheSameTransaction_AsTheCommand(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var engine = Deployed(database, clock);
        var key = engine.StartInstance("job").ProcessInstanceKey;
        var job = engine.GetJobs(key).Single();

        engine.Execute(new CompleteJob(job.Key) { Effects = [new WriteKey(job.Key)] }).Succeeded.Should().BeTrue();
        var again = engine.Execute(new CompleteJob(job.Key) { Effects = [new WriteKey(job.Key)] });

        again.Succeeded.Should().BeFalse("the job is gone");
        engine.GetInstance(key)!.State.Should().Be(ProcessInstanceState.Completed);
        CountEffectRows(database).Should().Be(1, "the effect ran exactly once, with the command that committed");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void TwoWorkersActivatingAtOnce_NeverGetTheSameJob(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var engine = Deployed(database, clock);
        var created = Enumerable.Range(0, 120).Select(_ => engine.StartInstance("job").ProcessInstanceKey).ToList();
        var all = engine.GetJobs(type: "work").Select(j => j.Key).ToHashSet();
        var taken = new ConcurrentBag<(string Worker, long Key)>();

        void Work(string worker)
        {
            using var store = database.CreateStore();
            while (true)
            {
                var jobs = store.ActivateJobs(new Crm.Bpm.Engine.Runtime.Jobs.JobActivation(["work"], worker, 7, clock.Now, TimeSpan.FromMinutes(5)));
                if (jobs.Count == 0)
                {
                    return;
                }

                foreach (var job in jobs)
                {
                    taken.Add((worker, job.Key));
                }
            }
        }

        Parallel.Invoke(() => Work("w1"), () => Work("w2"), () => Work("w3"));

        created.Should().HaveCount(120);
        taken.Select(t => t.Key).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(all);
        engine.GetJobs(type: "work").Should().OnlyContain(j => j.State == Crm.Bpm.Engine.Runtime.Jobs.JobState.Activated && j.Worker != null);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ExpiredJobLock_LetsAnotherWorkerTakeTheJob(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var engine = Deployed(database, clock);
        engine.StartInstance("job");

        var first = engine.ActivateJobs("work", "w1", 10, TimeSpan.FromMinutes(1));
        var meanwhile = engine.ActivateJobs("work", "w2", 10, TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(2));
        var later = engine.ActivateJobs("work", "w2", 10, TimeSpan.FromMinutes(1));

        first.Should().ContainSingle().Which.Worker.Should().Be("w1");
        meanwhile.Should().BeEmpty();
        later.Should().ContainSingle().Which.Should().Match<Crm.Bpm.Engine.Runtime.Jobs.JobRecord>(j => j.Key == first[0].Key && j.Worker == "w2" && j.Deadline == clock.Now + TimeSpan.FromMinutes(1));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void DueTimers_AreAcquiredOnce_UntilTheLockExpires(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var engine = Deployed(database, clock);
        for (var i = 0; i < 40; i++)
        {
            engine.StartInstance("timer");
        }

        var notDue = engine.AcquireDueTimers("s0", 100, TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromHours(2));
        var taken = new ConcurrentBag<long>();
        Parallel.For(0, 3, i =>
        {
            using var store = database.CreateStore();
            foreach (var timer in store.AcquireDueTimers(new Crm.Bpm.Engine.Runtime.Timers.TimerAcquisition($"s{i}", 100, clock.Now, TimeSpan.FromMinutes(1))))
            {
                taken.Add(timer.Key);
            }
        });
        var whileLocked = engine.AcquireDueTimers("s9", 100, TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(2));
        var afterExpiry = engine.AcquireDueTimers("s9", 100, TimeSpan.FromMinutes(1));

        notDue.Should().BeEmpty();
        taken.Should().HaveCount(40).And.OnlyHaveUniqueItems();
        whileLocked.Should().BeEmpty();
        afterExpiry.Select(t => t.Key).Should().BeEquivalentTo(taken).And.BeInAscendingOrder();
        afterExpiry.Should().OnlyContain(t => t.LockOwner == "s9");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void FiringATimer_TwiceFromTwoEngines_FiresItOnce(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var first = Deployed(database, clock);
        var second = Engine(database, clock);
        var key = first.StartInstance("timer").ProcessInstanceKey;
        var timer = first.GetTimers(key).Single();
        clock.Advance(TimeSpan.FromHours(2));

        var results = new ConcurrentBag<CommandResult>();
        Parallel.Invoke(() => results.Add(first.FireTimer(timer.Key)), () => results.Add(second.FireTimer(timer.Key)));

        results.Count(r => r.Succeeded).Should().Be(1);
        first.GetInstance(key)!.State.Should().Be(ProcessInstanceState.Completed);
    }

    private static int CountEffectRows(EngineDatabase database)
    {
        using var connection = database.Dialect.CreateConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE IF NOT EXISTS test_effects (job_key BIGINT PRIMARY KEY)";
        command.ExecuteNonQuery();
        command.CommandText = "SELECT COUNT(*) FROM test_effects";
        var count = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = "DELETE FROM test_effects";
        command.ExecuteNonQuery();
        return count;
    }

    /// <summary>Writes a row with the commit's connection and transaction.</summary>
    private sealed class WriteKey(long key) : ICommitEffect
    {
        public void Apply(CommitContext context)
        {
            using var command = context.Connection!.CreateCommand();
            command.Transaction = context.Transaction;
            command.CommandText = "CREATE TABLE IF NOT EXISTS test_effects (job_key BIGINT PRIMARY KEY)";
            command.ExecuteNonQuery();
            command.CommandText = $"INSERT INTO test_effects (job_key) VALUES ({key})";
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Writes a row, then fails: the row and the command's changes must both be rolled back.</summary>
    private sealed class WriteThenFail : ICommitEffect
    {
        public void Apply(CommitContext context)
        {
            new WriteKey(-1).Apply(context);
            throw new InvalidOperationException("The outbox is full.");
        }
    }
}
