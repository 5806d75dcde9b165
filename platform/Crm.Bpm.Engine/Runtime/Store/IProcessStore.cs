using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Jobs;
using Crm.Bpm.Engine.Runtime.Messages;
using Crm.Bpm.Engine.Runtime.Timers;
using Crm.Bpm.Engine.Runtime.UserTasks;

namespace Crm.Bpm.Engine.Runtime.Store;

/// <summary>Where the engine keeps deployed definitions, process instances (each loaded and saved as a unit) and the separately queryable jobs, user tasks, timers, subscriptions, buffered messages and incidents.</summary>
/// <remarks>
/// The engine reads through this interface while a command runs and writes everything the command changed with one
/// <see cref="Commit"/>, which a database store runs as one transaction, refusing it with
/// <see cref="StoreConcurrencyException"/> when an instance's version moved (optimistic concurrency). Callers
/// serialize access; the engine never calls a store from two threads at once.
/// </remarks>
public interface IProcessStore
{
    /// <summary>Reserves <paramref name="count"/> consecutive keys no other caller (thread or server) will ever get, and returns the first.</summary>
    /// <remarks>Keys are unique across every kind of row. A database store reserves them in its own short transaction, never inside a command's; unused keys are simply lost.</remarks>
    long ReserveKeys(int count);

    ProcessDefinitionRecord? FindDefinition(long key);

    /// <summary>The highest version deployed for the process id, or null.</summary>
    ProcessDefinitionRecord? FindLatestDefinition(string bpmnProcessId);

    /// <summary>The highest version deployed for the process id, or null, for starting an instance on it: the store may answer from what it saw before.</summary>
    /// <remarks>
    /// A store that answers from a cache must refuse (with <see cref="StoreConcurrencyException"/>) the commit of an
    /// instance started on a definition that is no longer the latest, and answer the retried command afresh; a newer
    /// version deployed by another server is then used by the next start, never silently skipped.
    /// </remarks>
    ProcessDefinitionRecord? FindLatestDefinitionToStart(string bpmnProcessId) => FindLatestDefinition(bpmnProcessId);

    IEnumerable<ProcessDefinitionRecord> Definitions();

    ProcessInstance? FindInstance(long key);

    /// <summary>The instance that has a live element instance with the key (or is the instance with that key), or null.</summary>
    ProcessInstance? FindInstanceByElement(long elementInstanceKey);

    IEnumerable<ProcessInstance> Instances();

    JobRecord? FindJob(long key);

    IEnumerable<JobRecord> Jobs();

    /// <summary>Atomically hands up to <see cref="JobActivation.MaxJobs"/> jobs of the types to a worker: activatable ones whose back-off passed and activated ones whose lock expired, oldest first; returns them as activated.</summary>
    IReadOnlyList<JobRecord> ActivateJobs(JobActivation request);

    UserTaskRecord? FindUserTask(long key);

    /// <summary>The open user task with the key and the process instance it belongs to, read together where the store can (a command about to work the task needs both).</summary>
    /// <remarks>The instance is null when there is no such task; a store may also leave it null, and the caller then reads it with <see cref="FindInstance"/>.</remarks>
    (UserTaskRecord? Task, ProcessInstance? Instance) FindUserTaskWithInstance(long key) => (FindUserTask(key), null);

    IEnumerable<UserTaskRecord> UserTasks();

    /// <summary>The open user tasks a user (or their groups) may work on, by due date (none last) then key, one page after the query's position.</summary>
    IReadOnlyList<UserTaskRecord> QueryUserTasks(UserTaskQuery query);

    TimerRecord? FindTimer(long key);

    IEnumerable<TimerRecord> Timers();

    /// <summary>The timers due at <paramref name="now"/>, earliest first (ties by key).</summary>
    IEnumerable<TimerRecord> DueTimers(DateTimeOffset now);

    /// <summary>The timers of one instance of a definition; instance key 0 gives the definition's timer start events.</summary>
    IEnumerable<TimerRecord> TimersOf(long processDefinitionKey, long processInstanceKey);

    /// <summary>Locks up to <see cref="TimerAcquisition.MaxTimers"/> due timers that nobody holds (or whose lock expired) for the owner, earliest first, and returns them as locked.</summary>
    IReadOnlyList<TimerRecord> AcquireDueTimers(TimerAcquisition request);

    EventSubscriptionRecord? FindSubscription(long key);

    IEnumerable<EventSubscriptionRecord> Subscriptions();

    /// <summary>The subscriptions of a kind and name whose correlation key equals <paramref name="correlationKey"/> (null: those without a key), by key.</summary>
    IEnumerable<EventSubscriptionRecord> FindSubscriptions(SubscriptionKind kind, string name, string? correlationKey);

    /// <summary>The subscriptions of one instance of a definition; instance key 0 gives the definition's start event subscriptions.</summary>
    IEnumerable<EventSubscriptionRecord> SubscriptionsOf(long processDefinitionKey, long processInstanceKey);

    /// <summary>The buffered messages with the name and correlation key, oldest first, expired ones included.</summary>
    IEnumerable<BufferedMessage> FindBufferedMessages(string name, string correlationKey);

    IEnumerable<BufferedMessage> BufferedMessages();

    IncidentRecord? FindIncident(long key);

    IEnumerable<IncidentRecord> Incidents();

    /// <summary>Writes every change of one command atomically, its history included, and runs its effects inside the same transaction.</summary>
    /// <exception cref="StoreConcurrencyException">An instance's stored version is not the expected one, or a row changed or vanished meanwhile; nothing was written.</exception>
    /// <exception cref="StoreUnavailableException">The store could not be reached; nothing was written.</exception>
    void Commit(StoreChanges changes);

    /// <summary>Whether <see cref="CommitBatch"/> writes the changes of several commands in one transaction.</summary>
    bool SupportsBatchCommit => false;

    /// <summary>Writes the changes of several independent commands in one transaction: all of them, or none when any check, write or effect fails.</summary>
    /// <remarks>
    /// Each element is what <see cref="Commit"/> would write for one command, with the same checks (instance versions,
    /// rows read since); effects run in order after their command's rows. The engine uses it for
    /// <c>ProcessEngine.ExecuteBatch</c> only when <see cref="SupportsBatchCommit"/> is true, and runs the commands one
    /// by one again after a failure.
    /// </remarks>
    /// <exception cref="StoreConcurrencyException">A check failed for one of the commands; nothing was written.</exception>
    /// <exception cref="StoreUnavailableException">The store could not be reached; nothing was written.</exception>
    void CommitBatch(IReadOnlyList<StoreChanges> batch) =>
        throw new NotSupportedException($"{GetType().Name} commits one command per transaction; check SupportsBatchCommit first.");
}
