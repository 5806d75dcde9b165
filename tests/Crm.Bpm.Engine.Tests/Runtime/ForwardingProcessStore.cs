using Crm.Bpm.Engine.Runtime.History;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Jobs;
using Crm.Bpm.Engine.Runtime.Messages;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Engine.Runtime.Timers;
using Crm.Bpm.Engine.Runtime.UserTasks;

namespace Crm.Bpm.Engine.Tests.Runtime;

/// <summary>A store that passes everything to an in-memory store; test stores override what they change (failing commits, keeping instances as rows...).</summary>
internal class ForwardingProcessStore : IProcessStore, IHistoryStore
{
    public ForwardingProcessStore(InMemoryProcessStore? inner = null)
    {
        Inner = inner ?? new InMemoryProcessStore();
    }

    public InMemoryProcessStore Inner { get; }

    public virtual long ReserveKeys(int count) => Inner.ReserveKeys(count);

    public virtual void Commit(StoreChanges changes) => Inner.Commit(changes);

    public virtual bool SupportsBatchCommit => Inner.SupportsBatchCommit;

    public virtual void CommitBatch(IReadOnlyList<StoreChanges> batch) => Inner.CommitBatch(batch);

    public virtual ProcessDefinitionRecord? FindDefinition(long key) => Inner.FindDefinition(key);

    public virtual ProcessDefinitionRecord? FindLatestDefinition(string bpmnProcessId) => Inner.FindLatestDefinition(bpmnProcessId);

    public virtual IEnumerable<ProcessDefinitionRecord> Definitions() => Inner.Definitions();

    public virtual ProcessInstance? FindInstance(long key) => Inner.FindInstance(key);

    public virtual ProcessInstance? FindInstanceByElement(long elementInstanceKey) => Inner.FindInstanceByElement(elementInstanceKey);

    public virtual IEnumerable<ProcessInstance> Instances() => Inner.Instances();

    public virtual JobRecord? FindJob(long key) => Inner.FindJob(key);

    public virtual IEnumerable<JobRecord> Jobs() => Inner.Jobs();

    public virtual IReadOnlyList<JobRecord> ActivateJobs(JobActivation request) => Inner.ActivateJobs(request);

    public virtual UserTaskRecord? FindUserTask(long key) => Inner.FindUserTask(key);

    public virtual IEnumerable<UserTaskRecord> UserTasks() => Inner.UserTasks();

    public virtual IReadOnlyList<UserTaskRecord> QueryUserTasks(UserTaskQuery query) => Inner.QueryUserTasks(query);

    public virtual TimerRecord? FindTimer(long key) => Inner.FindTimer(key);

    public virtual IEnumerable<TimerRecord> Timers() => Inner.Timers();

    public virtual IEnumerable<TimerRecord> DueTimers(DateTimeOffset now) => Inner.DueTimers(now);

    public virtual IEnumerable<TimerRecord> TimersOf(long processDefinitionKey, long processInstanceKey) => Inner.TimersOf(processDefinitionKey, processInstanceKey);

    public virtual IReadOnlyList<TimerRecord> AcquireDueTimers(TimerAcquisition request) => Inner.AcquireDueTimers(request);

    public virtual EventSubscriptionRecord? FindSubscription(long key) => Inner.FindSubscription(key);

    public virtual IEnumerable<EventSubscriptionRecord> Subscriptions() => Inner.Subscriptions();

    public virtual IEnumerable<EventSubscriptionRecord> FindSubscriptions(SubscriptionKind kind, string name, string? correlationKey) => Inner.FindSubscriptions(kind, name, correlationKey);

    public virtual IEnumerable<EventSubscriptionRecord> SubscriptionsOf(long processDefinitionKey, long processInstanceKey) => Inner.SubscriptionsOf(processDefinitionKey, processInstanceKey);

    public virtual IEnumerable<BufferedMessage> FindBufferedMessages(string name, string correlationKey) => Inner.FindBufferedMessages(name, correlationKey);

    public virtual IEnumerable<BufferedMessage> BufferedMessages() => Inner.BufferedMessages();

    public virtual IncidentRecord? FindIncident(long key) => Inner.FindIncident(key);

    public virtual IEnumerable<IncidentRecord> Incidents() => Inner.Incidents();

    public virtual IReadOnlyList<HistoryEvent> QueryHistory(HistoryQuery query) => Inner.QueryHistory(query);

    public virtual int DeleteHistory(DateTimeOffset endedBefore) => Inner.DeleteHistory(endedBefore);
}
