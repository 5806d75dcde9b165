using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Clock;
using Crm.Bpm.Engine.Runtime.History;
using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Engine.Tests.Runtime;

/// <summary>Every command writes history at the configured level in its own commit; the in-memory store answers history queries and drops old history.</summary>
public sealed class HistoryTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static (ProcessEngine Engine, InMemoryProcessStore Store, ManualClock Clock) Create(HistoryLevel level)
    {
        var store = new InMemoryProcessStore();
        var clock = new ManualClock(T0);
        var engine = new ProcessEngine(store, clock, new EngineOptions { HistoryLevel = level, RecordEvents = false });
        engine.DeployFile(Path.Combine(RuntimeHarness.FixturesFolder, "durable.bpmn")).Succeeded.Should().BeTrue();
        return (engine, store, clock);
    }

    private static long RunOrder(ProcessEngine engine, ManualClock clock)
    {
        var key = engine.StartInstance("order", RuntimeHarness.Vars("""{"owner": "ann"}""")).ProcessInstanceKey;
        clock.Advance(TimeSpan.FromMinutes(10));
        engine.CompleteUserTask(engine.GetUserTasks(key).Single().Key, RuntimeHarness.Vars("""{"owner": "bob", "approved": true}""")).Succeeded.Should().BeTrue();
        clock.Advance(TimeSpan.FromMinutes(10));
        engine.CompleteJob(engine.GetJobs(key, "ship").Single().Key).Succeeded.Should().BeTrue();
        return key;
    }

    private static List<string> Lines(InMemoryProcessStore history, long key) =>
        [.. history.QueryHistory(new HistoryQuery { ProcessInstanceKey = key, PageSize = 1000 }).Select(e => $"{e.Kind} {e.ElementId}")];

    [Fact]
    public void LevelNone_WritesNoHistory()
    {
        var (engine, store, clock) = Create(HistoryLevel.None);

        var key = RunOrder(engine, clock);

        Lines(store, key).Should().BeEmpty();
        engine.GetInstance(key)!.State.Should().Be(Engine.Runtime.Instances.ProcessInstanceState.Completed);
    }

    [Fact]
    public void LevelActivity_RecordsTheInstanceElementsAndUserTasks_InOrder_WithoutVariablesOrJobs()
    {
        var (engine, store, clock) = Create(HistoryLevel.Activity);

        var key = RunOrder(engine, clock);

        Lines(store, key).Should().Equal(
            "InstanceStarted order",
            "ElementActivated Start",
            "ElementCompleted Start",
            "ElementActivated Task_Review",
            "UserTaskCreated Task_Review",
            "UserTaskCompleted Task_Review",
            "ElementCompleted Task_Review",
            "ElementActivated Task_Ship",
            "ElementCompleted Task_Ship",
            "ElementActivated End",
            "ElementCompleted End",
            "InstanceCompleted order");
        var events = store.QueryHistory(new HistoryQuery { ProcessInstanceKey = key });
        events.Should().OnlyContain(e => e.BpmnProcessId == "order" && e.ProcessDefinitionKey == engine.GetProcess("order")!.Key);
        var created = events.Single(e => e.Kind == HistoryEventKind.UserTaskCreated);
        created.TaskKey.Should().NotBe(0);
        created.ElementInstanceKey.Should().Be(events.Single(e => e.Kind == HistoryEventKind.ElementActivated && e.ElementId == "Task_Review").ElementInstanceKey);
        created.Detail.Should().Be("ann");
        events.Single(e => e.Kind == HistoryEventKind.ElementActivated && e.ElementId == "Task_Ship").ElementType.Should().Be("ServiceTask");
        events.Single(e => e.Kind == HistoryEventKind.InstanceCompleted).Time.Should().Be(T0.AddMinutes(20));
    }

    [Fact]
    public void LevelFull_AddsVariableChangesAndTheJobLifecycle()
    {
        var (engine, store, clock) = Create(HistoryLevel.Full);

        var key = RunOrder(engine, clock);

        var events = store.QueryHistory(new HistoryQuery { ProcessInstanceKey = key, PageSize = 1000 });
        events.Where(e => e.Kind is HistoryEventKind.VariableCreated or HistoryEventKind.VariableUpdated)
            .Select(e => $"{e.Kind} {e.VariableName}={e.Value} scope={(e.ScopeKey == key ? "process" : e.ScopeKey.ToString(System.Globalization.CultureInfo.InvariantCulture))}")
            .Should().Equal(
                "VariableCreated owner=\"ann\" scope=process",
                "VariableUpdated owner=\"bob\" scope=process",
                "VariableCreated approved=true scope=process");
        events.Where(e => e.Kind is HistoryEventKind.JobCreated or HistoryEventKind.JobCompleted).Select(e => $"{e.Kind} {e.Detail}")
            .Should().Equal("JobCreated ship", "JobCompleted ship");
        events.Single(e => e.Kind == HistoryEventKind.JobCompleted).JobKey.Should().NotBe(0);
    }

    [Fact]
    public void Query_FiltersByProcessKindAndTime_AndPagesByKey()
    {
        var (engine, store, clock) = Create(HistoryLevel.Activity);
        var first = RunOrder(engine, clock);
        var second = RunOrder(engine, clock);
        engine.StartInstance("cron-catch", RuntimeHarness.Vars("""{"cron": "0 0 * * * *"}""")).Succeeded.Should().BeTrue();

        store.QueryHistory(new HistoryQuery { BpmnProcessId = "order", Kind = HistoryEventKind.InstanceCompleted }).Select(e => e.ProcessInstanceKey)
            .Should().Equal(first, second);
        store.QueryHistory(new HistoryQuery { Kind = HistoryEventKind.InstanceStarted }).Should().HaveCount(3);
        store.QueryHistory(new HistoryQuery { From = T0.AddMinutes(20), To = T0.AddMinutes(21), Kind = HistoryEventKind.InstanceStarted })
            .Should().ContainSingle(e => e.ProcessInstanceKey == second, "the second order started at minute 20");

        var all = store.QueryHistory(new HistoryQuery { PageSize = 1000 });
        var paged = new List<HistoryEvent>();
        var after = 0L;
        while (store.QueryHistory(new HistoryQuery { AfterKey = after, PageSize = 5 }) is { Count: > 0 } page)
        {
            page.Count.Should().BeLessThanOrEqualTo(5);
            paged.AddRange(page);
            after = page[^1].Key;
        }

        paged.Should().Equal(all);
        all.Select(e => e.Key).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void DeleteHistory_RemovesOnlyInstancesThatEndedBeforeTheCutOff()
    {
        var (engine, store, clock) = Create(HistoryLevel.Activity);
        var early = RunOrder(engine, clock);
        clock.Advance(TimeSpan.FromDays(1));
        var late = RunOrder(engine, clock);
        var running = engine.StartInstance("order", RuntimeHarness.Vars("""{"owner": "ann"}""")).ProcessInstanceKey;

        var removed = store.DeleteHistory(T0.AddHours(12));

        removed.Should().Be(12, "the early order's twelve events go");
        Lines(store, early).Should().BeEmpty();
        Lines(store, late).Should().HaveCount(12);
        Lines(store, running).Should().NotBeEmpty("a running instance keeps its history");
        engine.History.Should().BeSameAs(store);
    }

    [Fact]
    public void StoreThatDropsEndedInstances_KeepsTheHistoryOfRunningInstancesOnly()
    {
        var store = new InMemoryProcessStore { KeepEndedInstances = false };
        var clock = new ManualClock(T0);
        var engine = new ProcessEngine(store, clock, new EngineOptions { HistoryLevel = HistoryLevel.Full });
        engine.DeployFile(Path.Combine(RuntimeHarness.FixturesFolder, "durable.bpmn")).Succeeded.Should().BeTrue();
        var ended = engine.StartInstance("order", RuntimeHarness.Vars("""{"owner": "ann"}""")).ProcessInstanceKey;
        engine.CompleteUserTask(engine.GetUserTasks(ended).Single().Key).Succeeded.Should().BeTrue();
        Lines(store, ended).Should().Contain("InstanceStarted order", "the instance is still running");

        engine.CompleteJob(engine.GetJobs(ended).Single().Key).Succeeded.Should().BeTrue();
        var running = engine.StartInstance("order", RuntimeHarness.Vars("""{"owner": "bob"}""")).ProcessInstanceKey;

        Lines(store, ended).Should().BeEmpty();
        Lines(store, running).Should().Equal(
            "InstanceStarted order", "ElementActivated Start", "ElementCompleted Start", "ElementActivated Task_Review",
            "UserTaskCreated Task_Review", "VariableCreated order");
    }
}
