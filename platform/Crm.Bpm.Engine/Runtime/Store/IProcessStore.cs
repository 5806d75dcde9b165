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
    /// <summary>The highest key handed out so far; keys are unique across every kind of row.</summary>
    long LastKey { get; }

    ProcessDefinitionRecord? FindDefinition(long key);

    /// <summary>The highest version deployed for the process id, or null.</summary>
    ProcessDefinitionRecord? FindLatestDefinition(string bpmnProcessId);

    IEnumerable<ProcessDefinitionRecord> Definitions();

    ProcessInstance? FindInstance(long key);

    IEnumerable<ProcessInstance> Instances();

    JobRecord? FindJob(long key);

    IEnumerable<JobRecord> Jobs();

    UserTaskRecord? FindUserTask(long key);

    IEnumerable<UserTaskRecord> UserTasks();

    TimerRecord? FindTimer(long key);

    IEnumerable<TimerRecord> Timers();

    /// <summary>The timers due at <paramref name="now"/>, earliest first (ties by key).</summary>
    IEnumerable<TimerRecord> DueTimers(DateTimeOffset now);

    EventSubscriptionRecord? FindSubscription(long key);

    IEnumerable<EventSubscriptionRecord> Subscriptions();

    /// <summary>The subscriptions of a kind and name whose correlation key equals <paramref name="correlationKey"/> (null: those without a key), by key.</summary>
    IEnumerable<EventSubscriptionRecord> FindSubscriptions(SubscriptionKind kind, string name, string? correlationKey);

    /// <summary>The buffered messages with the name and correlation key, oldest first, expired ones included.</summary>
    IEnumerable<BufferedMessage> FindBufferedMessages(string name, string correlationKey);

    IEnumerable<BufferedMessage> BufferedMessages();

    IncidentRecord? FindIncident(long key);

    IEnumerable<IncidentRecord> Incidents();

    /// <summary>Writes every change of one command atomically.</summary>
    /// <exception cref="StoreConcurrencyException">An instance's stored version is not the expected one; nothing was written.</exception>
    void Commit(StoreChanges changes);
}
