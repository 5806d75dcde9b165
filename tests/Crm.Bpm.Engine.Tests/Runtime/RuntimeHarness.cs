using System.Text.Json;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Clock;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Decisions;
using Crm.Bpm.Engine.Runtime.Events;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Jobs;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Engine.Runtime.UserTasks;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Engine.Tests.Runtime;

/// <summary>An engine over an in-memory store and a manual clock, with the fixture files of this folder and a record of every event.</summary>
internal sealed class RuntimeHarness
{
    public static readonly string FixturesFolder = System.IO.Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Engine.Tests", "Fixtures", "Runtime");

    private readonly List<EngineEvent> _events = [];

    public RuntimeHarness(params string[] fixtures)
        : this(null, fixtures)
    {
    }

    public RuntimeHarness(IDecisionEvaluator? decisions, params string[] fixtures)
    {
        Store = new InMemoryProcessStore();
        Engine = new ProcessEngine(Store, Clock, new EngineOptions { DecisionEvaluator = decisions });
        foreach (var fixture in fixtures)
        {
            var result = Engine.DeployFile(System.IO.Path.Combine(FixturesFolder, fixture));
            result.Succeeded.Should().BeTrue($"{fixture} should deploy: {string.Join("; ", result.Diagnostics)}");
        }
    }

    public ManualClock Clock { get; } = new();

    public InMemoryProcessStore Store { get; }

    public ProcessEngine Engine { get; }

    public IReadOnlyList<EngineEvent> Events => _events;

    public CommandResult Run(EngineCommand command)
    {
        var result = Engine.Execute(command);
        _events.AddRange(result.Events);
        return result;
    }

    public long Start(string processId, object? variables = null)
    {
        var result = Run(new StartProcessInstance(processId) { Variables = Vars(variables) });
        result.Succeeded.Should().BeTrue(result.Error?.ToString());
        return result.ProcessInstanceKey;
    }

    public ProcessInstance Instance(long key) => Engine.GetInstance(key)!;

    public ProcessInstanceState State(long key) => Instance(key).State;

    public UserTaskRecord Task(long instanceKey, string elementId) =>
        Engine.GetUserTasks(instanceKey).Should().ContainSingle(t => t.ElementId == elementId, $"a task {elementId} should be open").Subject;

    public CommandResult CompleteTask(long instanceKey, string elementId, object? variables = null)
    {
        var result = Run(new CompleteUserTask(Task(instanceKey, elementId).Key) { Variables = Vars(variables) });
        result.Succeeded.Should().BeTrue(result.Error?.ToString());
        return result;
    }

    public CommandResult CompleteTaskByKey(long taskKey, object? variables = null)
    {
        var result = Run(new CompleteUserTask(taskKey) { Variables = Vars(variables) });
        result.Succeeded.Should().BeTrue(result.Error?.ToString());
        return result;
    }

    public JobRecord Job(long instanceKey, string type) =>
        Engine.GetJobs(instanceKey, type).Should().ContainSingle($"one job of type {type} should be open").Subject;

    public CommandResult CompleteJob(long instanceKey, string type, object? variables = null)
    {
        var result = Run(new CompleteJob(Job(instanceKey, type).Key) { Variables = Vars(variables) });
        result.Succeeded.Should().BeTrue(result.Error?.ToString());
        return result;
    }

    public CommandResult Correlate(string name, string? key, object? variables = null, TimeSpan? ttl = null) =>
        Run(new CorrelateMessage(name, key) { Variables = Vars(variables), TimeToLive = ttl });

    public CommandResult Signal(string name, object? variables = null) => Run(new BroadcastSignal(name) { Variables = Vars(variables) });

    public CommandResult AdvanceClock(TimeSpan by)
    {
        Clock.Advance(by);
        return Run(new FireDueTimers());
    }

    /// <summary>The element ids completed in an instance, in order.</summary>
    public IReadOnlyList<string> Path(long instanceKey) =>
        [.. _events.Where(e => e.Kind == EngineEventKind.ElementCompleted && e.ProcessInstanceKey == instanceKey).Select(e => e.ElementId!)];

    public IReadOnlyList<string> Terminated(long instanceKey) =>
        [.. _events.Where(e => e.Kind == EngineEventKind.ElementTerminated && e.ProcessInstanceKey == instanceKey).Select(e => e.ElementId!)];

    public IReadOnlyList<string> OpenTasks(long instanceKey) => [.. Engine.GetUserTasks(instanceKey).Select(t => t.ElementId)];

    public IReadOnlyList<IncidentRecord> Incidents(long instanceKey) => Engine.GetIncidents(instanceKey);

    public string Variable(long instanceKey, string name) =>
        Instance(instanceKey).Variables.TryGetValue(name, out var value) ? value.GetRawText() : "<missing>";

    public static IReadOnlyDictionary<string, object?>? Vars(object? variables) => variables switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> d => d,
        string json => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToDictionary(p => p.Key, p => (object?)p.Value),
        _ => throw new ArgumentException("pass variables as JSON text or a dictionary", nameof(variables)),
    };
}
