using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Compilation;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Engine.Tests.Runtime;

/// <summary>Runs processes over a store that keeps each instance only as serialized JSON, as a database store would.</summary>
public sealed class SerializedStoreTests
{
    private static (ProcessEngine Engine, SerializingStore Store) Create(params string[] fixtures)
    {
        var store = new SerializingStore();
        var engine = new ProcessEngine(store, new Crm.Bpm.Engine.Runtime.Clock.ManualClock());
        store.Compiled = key => engine.GetProcess(key);
        foreach (var fixture in fixtures)
        {
            engine.DeployFile(Path.Combine(RuntimeHarness.FixturesFolder, fixture)).Succeeded.Should().BeTrue();
        }

        return (engine, store);
    }

    [Fact]
    public void InstanceState_SurvivesASerializationRoundTrip_ByteForByte()
    {
        var (engine, store) = Create("gateways.bpmn", "loops.bpmn", "throw-events.bpmn");
        engine.StartInstance("inclusive-nested", RuntimeHarness.Vars("""{"a": true, "b": true, "c": true}"""));
        engine.StartInstance("mi-parallel", RuntimeHarness.Vars("""{"reviewers": ["x", "y"]}"""));
        engine.StartInstance("compensation", RuntimeHarness.Vars("""{"ok": false}"""));

        store.Writes.Should().BeGreaterThan(0);
        foreach (var json in store.Serialized)
        {
            var again = ProcessInstanceSerializer.Serialize(ProcessInstanceSerializer.Deserialize(json, store.Compiled!));
            again.Should().Equal(json);
        }
    }

    [Fact]
    public void NestedInclusiveJoin_RunsToTheEnd_OverASerializingStore()
    {
        var (engine, _) = Create("gateways.bpmn");
        var key = engine.StartInstance("inclusive-nested", RuntimeHarness.Vars("""{"a": true, "b": true, "c": true}""")).ProcessInstanceKey;

        Complete(engine, key, "Sub_Task_A");
        engine.GetUserTasks(key).Select(t => t.ElementId).Should().NotContain("Sub_Joined");
        Complete(engine, key, "Sub_Task_B");
        Complete(engine, key, "Sub_Joined");
        Complete(engine, key, "Sub_Task_C");

        engine.GetInstance(key)!.State.Should().Be(ProcessInstanceState.Completed);
    }

    [Fact]
    public void MultiInstanceAndCompensation_RunToTheEnd_OverASerializingStore()
    {
        var (engine, _) = Create("loops.bpmn", "throw-events.bpmn");
        var mi = engine.StartInstance("mi-parallel", RuntimeHarness.Vars("""{"reviewers": ["x", "y"]}""")).ProcessInstanceKey;
        foreach (var task in engine.GetUserTasks(mi))
        {
            engine.CompleteUserTask(task.Key, RuntimeHarness.Vars($$"""{"vote": "{{task.Assignee}}"}""")).Succeeded.Should().BeTrue();
        }

        var comp = engine.StartInstance("compensation", RuntimeHarness.Vars("""{"ok": false}""")).ProcessInstanceKey;
        foreach (var type in new[] { "book", "charge", "refund", "unbook" })
        {
            engine.CompleteJob(engine.GetJobs(comp, type).Single().Key).Succeeded.Should().BeTrue();
        }

        engine.GetInstance(mi)!.Variables["votes"].GetRawText().Should().Be("""["x","y"]""");
        engine.GetInstance(comp)!.State.Should().Be(ProcessInstanceState.Completed);
    }

    private static void Complete(ProcessEngine engine, long key, string elementId) =>
        engine.CompleteUserTask(engine.GetUserTasks(key).Single(t => t.ElementId == elementId).Key).Succeeded.Should().BeTrue();

    /// <summary>Keeps instances as JSON only: every load reads a fresh copy, every commit writes JSON.</summary>
    private sealed class SerializingStore : ForwardingProcessStore
    {
        private readonly Dictionary<long, byte[]> _instances = [];

        public Func<long, ExecutableProcess?>? Compiled { get; set; }

        public int Writes { get; private set; }

        public IEnumerable<byte[]> Serialized => _instances.Values;

        public override void Commit(StoreChanges changes)
        {
            foreach (var (instance, expected) in changes.Instances)
            {
                var stored = FindInstance(instance.Key);
                if ((stored?.Version ?? 0) != expected)
                {
                    throw new StoreConcurrencyException("version moved");
                }
            }

            var instances = changes.Instances.ToList();
            changes.Instances.Clear();
            base.Commit(changes);
            foreach (var (instance, _) in instances)
            {
                _instances[instance.Key] = ProcessInstanceSerializer.Serialize(instance);
                Writes++;
            }
        }

        public override ProcessInstance? FindInstance(long key) =>
            _instances.TryGetValue(key, out var json) ? ProcessInstanceSerializer.Deserialize(json, Compiled!) : null;

        public override ProcessInstance? FindInstanceByElement(long elementInstanceKey) =>
            FindInstance(elementInstanceKey) ?? Instances().FirstOrDefault(i => i.State == ProcessInstanceState.Active && i.FindElement(elementInstanceKey) is not null);

        public override IEnumerable<ProcessInstance> Instances() => [.. _instances.Keys.Select(k => FindInstance(k)!)];
    }
}
