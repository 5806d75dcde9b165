using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Events;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Jobs;
using Crm.Bpm.Engine.Runtime.UserTasks;

namespace Crm.Bpm.Engine.ProcessTests.Running;

/// <summary>What a case's engine holds at one moment, as the expectations see it.</summary>
internal sealed class CaseView
{
    public CaseView(ProcessEngine engine, long caseKey, IReadOnlyList<EngineEvent> events)
    {
        Instance = caseKey == 0 ? null : engine.GetInstance(caseKey);
        Instances = engine.GetInstances();
        Tasks = engine.GetUserTasks();
        Jobs = engine.GetJobs();
        Incidents = engine.GetIncidents();
        BufferedMessages = engine.GetBufferedMessages().Select(m => m.Name).ToList();
        Completed = events.Where(e => e.Kind == EngineEventKind.ElementCompleted && e.ElementId is not null).ToList();
        CaseKey = caseKey;
    }

    /// <summary>The case's instance (the first one started), or null when none was.</summary>
    public ProcessInstance? Instance { get; }

    public long CaseKey { get; }

    /// <summary>Every instance the case created, called ones included.</summary>
    public IReadOnlyList<ProcessInstance> Instances { get; }

    public IReadOnlyList<UserTaskRecord> Tasks { get; }

    public IReadOnlyList<JobRecord> Jobs { get; }

    public IReadOnlyList<IncidentRecord> Incidents { get; }

    public IReadOnlyList<string> BufferedMessages { get; }

    /// <summary>Every element completion in every instance, in order.</summary>
    public IReadOnlyList<EngineEvent> Completed { get; }

    public IReadOnlyList<string> OpenTaskElements => Tasks.Select(t => t.ElementId).ToList();

    public IReadOnlyList<string> OpenJobTypes => Jobs.Where(j => j.State == JobState.Activatable).Select(j => j.Type).ToList();

    public IReadOnlyList<string> IncidentElements => Incidents.Select(i => i.ElementId).ToList();

    /// <summary>The elements where tokens wait: live element instances (not the process itself) without live children.</summary>
    public IReadOnlyList<string> WaitingAt
    {
        get
        {
            var waiting = new List<string>();
            foreach (var instance in Instances)
            {
                var parents = instance.Elements.Where(e => e.Parent is not null).Select(e => e.Parent!.Key).ToHashSet();
                waiting.AddRange(instance.Elements
                    .Where(e => !ReferenceEquals(e, instance.Root) && e.Parent is not null && !parents.Contains(e.Key)
                        && e.State is not (ElementState.Completed or ElementState.Terminated))
                    .Select(e => e.ElementId));
            }

            return waiting;
        }
    }

    /// <summary>The case instance's state as a process test names it.</summary>
    public string State => Instance?.State switch
    {
        null => "notStarted",
        ProcessInstanceState.Completed => "completed",
        ProcessInstanceState.Terminated => "terminated",
        _ => Incidents.Any(i => InFamily(i.ProcessInstanceKey)) ? "incident" : "active",
    };

    /// <summary>Whether the instance is the case's instance or was called from it, directly or not.</summary>
    public bool InFamily(long instanceKey)
    {
        for (var depth = 0; instanceKey != 0 && depth < 1000; depth++)
        {
            if (instanceKey == CaseKey)
            {
                return true;
            }

            instanceKey = Instances.FirstOrDefault(i => i.Key == instanceKey)?.ParentInstanceKey ?? 0;
        }

        return false;
    }

    /// <summary>A one-line summary of where things stand, appended to failures so the reader sees what happened instead.</summary>
    public string Summary()
    {
        if (Instance is null)
        {
            return "No process instance was started.";
        }

        var parts = new List<string> { $"The instance is {State}" };
        var waiting = WaitingAt;
        if (waiting.Count > 0)
        {
            parts.Add($"waiting at {List(waiting)}");
        }

        if (Incidents.Count > 0)
        {
            parts.Add("open incidents: " + string.Join("; ", Incidents.Select(i => $"{i.ElementId} ({i.Type}: {i.Message})")));
        }

        if (Completed.Count > 0)
        {
            parts.Add($"passed {List(Completed.Select(e => e.ElementId!).Distinct())}");
        }

        return string.Join(", ", parts) + ".";
    }

    public static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "[]" : "[" + string.Join(", ", list) + "]";
    }
}
