using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Jobs;
using Crm.Bpm.Engine.Runtime.Messages;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Engine.Runtime.Timers;
using Crm.Bpm.Engine.Runtime.UserTasks;

namespace Crm.Bpm.Engine.Tests.Hosting;

/// <summary>An in-memory store whose job activation and timer acquisition fail as an unreachable database would, while <see cref="Down"/> is set.</summary>
internal sealed class FlakyStore(InMemoryProcessStore inner) : IProcessStore
{
    private int _down;

    /// <summary>Whether the store is unreachable for activation and acquisition.</summary>
    public bool Down
    {
        get => Volatile.Read(ref _down) == 1;
        set => Volatile.Write(ref _down, value ? 1 : 0);
    }

    /// <summary>How many calls failed because the store was down.</summary>
    public int Failures => Volatile.Read(ref _failures);

    private int _failures;

    public IReadOnlyList<JobRecord> ActivateJobs(JobActivation request)
    {
        ThrowWhenDown();
        return inner.ActivateJobs(request);
    }

    public IReadOnlyList<TimerRecord> AcquireDueTimers(TimerAcquisition request)
    {
        ThrowWhenDown();
        return inner.AcquireDueTimers(request);
    }

    public long ReserveKeys(int count) => inner.ReserveKeys(count);

    public ProcessDefinitionRecord? FindDefinition(long key) => inner.FindDefinition(key);

    public ProcessDefinitionRecord? FindLatestDefinition(string bpmnProcessId) => inner.FindLatestDefinition(bpmnProcessId);

    public IEnumerable<ProcessDefinitionRecord> Definitions() => inner.Definitions();

    public ProcessInstance? FindInstance(long key) => inner.FindInstance(key);

    public ProcessInstance? FindInstanceByElement(long elementInstanceKey) => inner.FindInstanceByElement(elementInstanceKey);

    public IEnumerable<ProcessInstance> Instances() => inner.Instances();

    public JobRecord? FindJob(long key) => inner.FindJob(key);

    public IEnumerable<JobRecord> Jobs() => inner.Jobs();

    public UserTaskRecord? FindUserTask(long key) => inner.FindUserTask(key);

    public IEnumerable<UserTaskRecord> UserTasks() => inner.UserTasks();

    public IReadOnlyList<UserTaskRecord> QueryUserTasks(UserTaskQuery query) => inner.QueryUserTasks(query);

    public TimerRecord? FindTimer(long key) => inner.FindTimer(key);

    public IEnumerable<TimerRecord> Timers() => inner.Timers();

    public IEnumerable<TimerRecord> DueTimers(DateTimeOffset now) => inner.DueTimers(now);

    public IEnumerable<TimerRecord> TimersOf(long processDefinitionKey, long processInstanceKey) => inner.TimersOf(processDefinitionKey, processInstanceKey);

    public EventSubscriptionRecord? FindSubscription(long key) => inner.FindSubscription(key);

    public IEnumerable<EventSubscriptionRecord> Subscriptions() => inner.Subscriptions();

    public IEnumerable<EventSubscriptionRecord> FindSubscriptions(SubscriptionKind kind, string name, string? correlationKey) => inner.FindSubscriptions(kind, name, correlationKey);

    public IEnumerable<EventSubscriptionRecord> SubscriptionsOf(long processDefinitionKey, long processInstanceKey) => inner.SubscriptionsOf(processDefinitionKey, processInstanceKey);

    public IEnumerable<BufferedMessage> FindBufferedMessages(string name, string correlationKey) => inner.FindBufferedMessages(name, correlationKey);

    public IEnumerable<BufferedMessage> BufferedMessages() => inner.BufferedMessages();

    public IncidentRecord? FindIncident(long key) => inner.FindIncident(key);

    public IEnumerable<IncidentRecord> Incidents() => inner.Incidents();

    public void Commit(StoreChanges changes) => inner.Commit(changes);

    private void ThrowWhenDown()
    {
        if (Down)
        {
            Interlocked.Increment(ref _failures);
            throw new StoreUnavailableException("The database is restarting (test).");
        }
    }
}
