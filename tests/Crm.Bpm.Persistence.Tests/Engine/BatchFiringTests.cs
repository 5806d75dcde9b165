using System.Collections.Concurrent;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Clock;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Persistence.Database;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Persistence.Tests.Engine;

/// <summary>Acquired timers fired as one batch (<see cref="ProcessEngine.ExecuteBatch"/>, one transaction) on real databases: each firing stays all-or-nothing and exactly once.</summary>
public sealed class BatchFiringTests(StoreDatabases databases) : IClassFixture<StoreDatabases>
{
    private static readonly string Fixtures = Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Persistence.Tests", "Engine", "Fixtures");
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Tags = ["a", "b"];

    public static TheoryData<string> Providers() => StoreDatabases.Providers();

    private static ProcessEngine Engine(EngineDatabase database, IEngineClock clock)
    {
        var store = database.CreateStore();
        var engine = new ProcessEngine(store, clock, new EngineOptions { RecordEvents = false });
        store.Processes = engine.GetProcess;
        return engine;
    }

    private static ProcessEngine Deployed(EngineDatabase database, IEngineClock clock)
    {
        var engine = Engine(database, clock);
        engine.DeployFile(Path.Combine(Fixtures, "store.bpmn")).Diagnostics.Where(d => d.IsError).Should().BeEmpty();
        return engine;
    }

    private static List<long> StartWaiting(ProcessEngine engine, int count) =>
        [.. Enumerable.Range(0, count).Select(i => engine.StartInstance("timer", new Dictionary<string, object?> { ["n"] = i }).ProcessInstanceKey)];

    private static EngineCommand[] Firings(IEnumerable<Crm.Bpm.Engine.Runtime.Timers.TimerRecord> timers) =>
        [.. timers.Select(t => (EngineCommand)new FireTimer(t.Key))];

    [Theory]
    [MemberData(nameof(Providers))]
    public void AcquiredBatch_FiresEveryTimer_InOneGo(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var engine = Deployed(database, clock);
        var keys = StartWaiting(engine, 12);
        clock.Advance(TimeSpan.FromHours(2));

        var timers = engine.AcquireDueTimers("node-1", 100, TimeSpan.FromMinutes(1));
        var results = engine.ExecuteBatch(Firings(timers));

        timers.Should().HaveCount(12);
        results.Should().OnlyContain(r => r.Succeeded);
        results.Select(r => r.Instances.Single().Key).Should().Equal(timers.Select(t => t.ProcessInstanceKey));
        using var reader = database.CreateStore();
        reader.Processes = engine.GetProcess;
        keys.Select(k => reader.FindInstance(k)!.State).Should().AllBeEquivalentTo(ProcessInstanceState.Completed);
        engine.GetTimers().Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Batch_WhereOneInstanceWasCancelledElsewhereMeanwhile_FiresTheOthers_AndReportsThatOne(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var engine = Deployed(database, clock);
        var other = Engine(database, clock);
        var keys = StartWaiting(engine, 6);
        clock.Advance(TimeSpan.FromHours(2));
        var timers = engine.AcquireDueTimers("node-1", 100, TimeSpan.FromMinutes(1));

        // Another node cancels one instance after this node acquired (and read) its timer.
        other.CancelInstance(keys[2]).Succeeded.Should().BeTrue();
        var results = engine.ExecuteBatch(Firings(timers));

        var cancelled = timers.ToList().FindIndex(t => t.ProcessInstanceKey == keys[2]);
        results[cancelled].Error!.Code.Should().Be(CommandErrorCode.NotFound);
        results.Where((_, i) => i != cancelled).Should().OnlyContain(r => r.Succeeded);
        using var reader = database.CreateStore();
        reader.Processes = engine.GetProcess;
        keys.Select(k => reader.FindInstance(k)!.State).Should().Equal(
            keys.Select(k => k == keys[2] ? ProcessInstanceState.Terminated : ProcessInstanceState.Completed));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Batch_WhereOneInstanceWasCancelledOnTheSameEngine_ReportsThatOne(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var engine = Deployed(database, clock);
        var keys = StartWaiting(engine, 4);
        clock.Advance(TimeSpan.FromHours(2));
        var timers = engine.AcquireDueTimers("node-1", 100, TimeSpan.FromMinutes(1));

        engine.CancelInstance(keys[0]).Succeeded.Should().BeTrue();
        var results = engine.ExecuteBatch(Firings(timers));

        results.Count(r => r.Succeeded).Should().Be(3);
        results.Single(r => !r.Succeeded).Error!.Code.Should().Be(CommandErrorCode.NotFound);
        engine.GetInstance(keys[0])!.State.Should().Be(ProcessInstanceState.Terminated);
        keys.Skip(1).Select(k => engine.GetInstance(k)!.State).Should().AllBeEquivalentTo(ProcessInstanceState.Completed);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void TwoEngines_FiringTheSameBatchAtOnce_FireEachTimerOnce(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var first = Deployed(database, clock);
        var second = Engine(database, clock);
        var keys = StartWaiting(first, 20);
        clock.Advance(TimeSpan.FromHours(2));
        var commands = Firings(first.GetTimers());

        var results = new ConcurrentBag<(int Index, CommandResult Result)>();
        Parallel.Invoke(
            () => { foreach (var (r, i) in first.ExecuteBatch(commands).Select((r, i) => (r, i))) { results.Add((i, r)); } },
            () => { foreach (var (r, i) in second.ExecuteBatch(commands).Select((r, i) => (r, i))) { results.Add((i, r)); } });

        results.Where(r => r.Result.Succeeded).Select(r => r.Index).Should().BeEquivalentTo(Enumerable.Range(0, 20), "each timer fires on exactly one engine");
        results.Where(r => !r.Result.Succeeded).Should().OnlyContain(r => r.Result.Error!.Code == CommandErrorCode.NotFound);
        keys.Select(k => first.GetInstance(k)!.State).Should().AllBeEquivalentTo(ProcessInstanceState.Completed);
        var history = (Crm.Bpm.Engine.Runtime.History.IHistoryStore)first.Store;
        history.QueryHistory(new Crm.Bpm.Engine.Runtime.History.HistoryQuery { Kind = Crm.Bpm.Engine.Runtime.History.HistoryEventKind.InstanceCompleted, PageSize = 100 })
            .Select(e => e.ProcessInstanceKey).Should().BeEquivalentTo(keys, "each instance completed once");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void BatchCommitThatFails_FallsBackToOneByOne_AndOnlyTheFailingCommandIsRefused(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var engine = Deployed(database, clock);
        var keys = StartWaiting(engine, 5);
        clock.Advance(TimeSpan.FromHours(2));
        var timers = engine.AcquireDueTimers("node-1", 100, TimeSpan.FromMinutes(1));
        var commands = Firings(timers);
        var failing = timers.ToList().FindIndex(t => t.ProcessInstanceKey == keys[3]);
        commands[failing] = new FireTimer(timers[failing].Key) { Effects = [new FailingEffect()] };

        var results = engine.ExecuteBatch(commands);

        results[failing].Error!.Code.Should().Be(CommandErrorCode.Internal);
        results.Where((_, i) => i != failing).Should().OnlyContain(r => r.Succeeded);
        engine.GetInstance(keys[3])!.State.Should().Be(ProcessInstanceState.Active, "its firing rolled back");
        engine.GetTimers(keys[3]).Should().ContainSingle(t => t.Key == timers[failing].Key);
        keys.Where(k => k != keys[3]).Select(k => engine.GetInstance(k)!.State).Should().AllBeEquivalentTo(ProcessInstanceState.Completed);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ReadsWithTheAcquisition_GiveTheSameInstances_AsReadsOneByOne(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var engine = Deployed(database, clock);
        var started = Enumerable.Range(0, 5)
            .Select(i => engine.StartInstance("timer", new Dictionary<string, object?> { ["n"] = i, ["name"] = $"lead {i}", ["tags"] = Tags }).Instance!)
            .ToList();
        clock.Advance(TimeSpan.FromHours(2));

        using var acquiring = database.CreateStore();
        acquiring.Processes = engine.GetProcess;
        acquiring.AcquireDueTimers(new Crm.Bpm.Engine.Runtime.Timers.TimerAcquisition("node-1", 100, clock.Now, TimeSpan.FromMinutes(1))).Should().HaveCount(5);
        var batched = started.Select(i => acquiring.FindInstance(i.Key)!).ToList();
        var oneByOne = started.Select(i =>
        {
            using var fresh = database.CreateStore();
            fresh.Processes = engine.GetProcess;
            return fresh.FindInstance(i.Key)!;
        }).ToList();

        for (var i = 0; i < started.Count; i++)
        {
            var expected = ProcessInstanceRows.Decompose(started[i]);
            ProcessInstanceRows.Decompose(batched[i]).Should().BeEquivalentTo(expected);
            ProcessInstanceRows.Decompose(oneByOne[i]).Should().BeEquivalentTo(expected);
            expected.Variables.Should().HaveCount(3);
        }
    }

    /// <summary>An effect whose write fails, as a handler's broken side effect would.</summary>
    private sealed class FailingEffect : ICommitEffect
    {
        public void Apply(CommitContext context) => throw new InvalidOperationException("the side effect failed");
    }
}
