using Crm.Bpm.Engine.Runtime.History;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Jobs;
using Crm.Bpm.Engine.Runtime.Messages;
using Crm.Bpm.Engine.Runtime.Timers;
using Crm.Bpm.Engine.Runtime.UserTasks;

namespace Crm.Bpm.Engine.Runtime.Store;

/// <summary>Everything one command changes, written by <see cref="IProcessStore.Commit"/> in one transaction.</summary>
public sealed class StoreChanges
{
    /// <summary>The instances the command changed or created, each with the version it was loaded at (0 for a new one).</summary>
    public List<(ProcessInstance Instance, int ExpectedVersion)> Instances { get; } = [];

    public List<ProcessDefinitionRecord> Definitions { get; } = [];

    public RecordChanges<JobRecord> Jobs { get; } = new();

    public RecordChanges<UserTaskRecord> UserTasks { get; } = new();

    public RecordChanges<TimerRecord> Timers { get; } = new();

    public RecordChanges<EventSubscriptionRecord> Subscriptions { get; } = new();

    public RecordChanges<BufferedMessage> Messages { get; } = new();

    public RecordChanges<IncidentRecord> Incidents { get; } = new();

    /// <summary>The history events of the command, in order (empty at <see cref="History.HistoryLevel.None"/>).</summary>
    public List<HistoryEvent> History { get; } = [];

    /// <summary>Side effects to run inside the commit, after the engine's rows are written; an exception from one rolls everything back.</summary>
    public List<ICommitEffect> Effects { get; } = [];

    /// <summary>Forgets every change, for reuse by the next command.</summary>
    public void Clear()
    {
        Instances.Clear();
        Definitions.Clear();
        Jobs.Clear();
        UserTasks.Clear();
        Timers.Clear();
        Subscriptions.Clear();
        Messages.Clear();
        Incidents.Clear();
        History.Clear();
        Effects.Clear();
    }
}
