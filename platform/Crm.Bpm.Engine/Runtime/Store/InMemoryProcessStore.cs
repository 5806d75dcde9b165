using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Jobs;
using Crm.Bpm.Engine.Runtime.Messages;
using Crm.Bpm.Engine.Runtime.Timers;
using Crm.Bpm.Engine.Runtime.UserTasks;

namespace Crm.Bpm.Engine.Runtime.Store;

/// <summary>A store that keeps everything in memory, indexed for the lookups commands make; for tests, benchmarks and single-process use.</summary>
/// <remarks>Not thread-safe by itself: <see cref="ProcessEngine"/> serializes every command and query.</remarks>
public sealed class InMemoryProcessStore : IProcessStore
{
    private readonly Dictionary<long, ProcessDefinitionRecord> _definitions = [];
    private readonly Dictionary<string, ProcessDefinitionRecord> _latest = new(StringComparer.Ordinal);
    private readonly Dictionary<long, ProcessInstance> _instances = [];
    private readonly Dictionary<long, JobRecord> _jobs = [];
    private readonly Dictionary<long, UserTaskRecord> _userTasks = [];
    private readonly Dictionary<long, TimerRecord> _timers = [];
    private readonly SortedSet<(DateTimeOffset Due, long Key)> _timerQueue = [];
    private readonly Dictionary<long, EventSubscriptionRecord> _subscriptions = [];
    private readonly Dictionary<SubscriptionIndexKey, SortedSet<long>> _subscriptionIndex = [];
    private readonly Dictionary<long, BufferedMessage> _messages = [];
    private readonly Dictionary<(string Name, string Key), SortedSet<long>> _messageIndex = [];
    private readonly Dictionary<long, IncidentRecord> _incidents = [];

    /// <inheritdoc/>
    public long LastKey { get; private set; }

    /// <summary>Whether instances that ended stay in the store (with their final variables); when false they are dropped at commit.</summary>
    public bool KeepEndedInstances { get; init; } = true;

    /// <inheritdoc/>
    public ProcessDefinitionRecord? FindDefinition(long key) => _definitions.GetValueOrDefault(key);

    /// <inheritdoc/>
    public ProcessDefinitionRecord? FindLatestDefinition(string bpmnProcessId) => _latest.GetValueOrDefault(bpmnProcessId);

    /// <inheritdoc/>
    public IEnumerable<ProcessDefinitionRecord> Definitions() => _definitions.Values;

    /// <inheritdoc/>
    public ProcessInstance? FindInstance(long key) => _instances.GetValueOrDefault(key);

    /// <inheritdoc/>
    public IEnumerable<ProcessInstance> Instances() => _instances.Values;

    /// <summary>How many instances the store holds.</summary>
    public int InstanceCount => _instances.Count;

    /// <inheritdoc/>
    public JobRecord? FindJob(long key) => _jobs.GetValueOrDefault(key);

    /// <inheritdoc/>
    public IEnumerable<JobRecord> Jobs() => _jobs.Values;

    /// <inheritdoc/>
    public UserTaskRecord? FindUserTask(long key) => _userTasks.GetValueOrDefault(key);

    /// <inheritdoc/>
    public IEnumerable<UserTaskRecord> UserTasks() => _userTasks.Values;

    /// <inheritdoc/>
    public TimerRecord? FindTimer(long key) => _timers.GetValueOrDefault(key);

    /// <inheritdoc/>
    public IEnumerable<TimerRecord> Timers() => _timers.Values;

    /// <inheritdoc/>
    public IEnumerable<TimerRecord> DueTimers(DateTimeOffset now)
    {
        foreach (var (due, key) in _timerQueue)
        {
            if (due > now)
            {
                yield break;
            }

            yield return _timers[key];
        }
    }

    /// <inheritdoc/>
    public EventSubscriptionRecord? FindSubscription(long key) => _subscriptions.GetValueOrDefault(key);

    /// <inheritdoc/>
    public IEnumerable<EventSubscriptionRecord> Subscriptions() => _subscriptions.Values;

    /// <inheritdoc/>
    public IEnumerable<EventSubscriptionRecord> FindSubscriptions(SubscriptionKind kind, string name, string? correlationKey)
    {
        if (!_subscriptionIndex.TryGetValue(new(kind, name, correlationKey), out var keys))
        {
            return [];
        }

        var result = new List<EventSubscriptionRecord>(keys.Count);
        foreach (var key in keys)
        {
            result.Add(_subscriptions[key]);
        }

        return result;
    }

    /// <inheritdoc/>
    public IEnumerable<BufferedMessage> FindBufferedMessages(string name, string correlationKey)
    {
        if (!_messageIndex.TryGetValue((name, correlationKey), out var keys))
        {
            return [];
        }

        var result = new List<BufferedMessage>(keys.Count);
        foreach (var key in keys)
        {
            result.Add(_messages[key]);
        }

        return result;
    }

    /// <inheritdoc/>
    public IEnumerable<BufferedMessage> BufferedMessages() => _messages.Values;

    /// <inheritdoc/>
    public IncidentRecord? FindIncident(long key) => _incidents.GetValueOrDefault(key);

    /// <inheritdoc/>
    public IEnumerable<IncidentRecord> Incidents() => _incidents.Values;

    /// <inheritdoc/>
    public void Commit(StoreChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);

        // Check every version before writing anything, so a conflict leaves the store as it was.
        foreach (var (instance, expected) in changes.Instances)
        {
            var stored = _instances.GetValueOrDefault(instance.Key);
            var storedVersion = stored?.Version ?? 0;
            if (storedVersion != expected)
            {
                throw new StoreConcurrencyException($"Process instance {instance.Key} is at version {storedVersion}, not {expected}; another command changed it.");
            }
        }

        foreach (var (instance, _) in changes.Instances)
        {
            if (!KeepEndedInstances && instance.State != ProcessInstanceState.Active)
            {
                _instances.Remove(instance.Key);
            }
            else
            {
                _instances[instance.Key] = instance;
            }
        }

        foreach (var definition in changes.Definitions)
        {
            _definitions[definition.Key] = definition;
            if (!_latest.TryGetValue(definition.BpmnProcessId, out var latest) || latest.Version < definition.Version)
            {
                _latest[definition.BpmnProcessId] = definition;
            }
        }

        Apply(changes.Jobs, _jobs);
        Apply(changes.UserTasks, _userTasks);
        Apply(changes.Incidents, _incidents);
        foreach (var (key, timer) in changes.Timers.Items)
        {
            if (_timers.Remove(key, out var old))
            {
                _timerQueue.Remove((old.DueDate, key));
            }

            if (timer is not null)
            {
                _timers[key] = timer;
                _timerQueue.Add((timer.DueDate, key));
            }
        }

        foreach (var (key, subscription) in changes.Subscriptions.Items)
        {
            if (_subscriptions.Remove(key, out var old))
            {
                var indexKey = new SubscriptionIndexKey(old.Kind, old.Name, old.CorrelationKey);
                if (_subscriptionIndex.TryGetValue(indexKey, out var set) && set.Remove(key) && set.Count == 0)
                {
                    _subscriptionIndex.Remove(indexKey);
                }
            }

            if (subscription is not null)
            {
                _subscriptions[key] = subscription;
                var indexKey = new SubscriptionIndexKey(subscription.Kind, subscription.Name, subscription.CorrelationKey);
                if (!_subscriptionIndex.TryGetValue(indexKey, out var set))
                {
                    set = [];
                    _subscriptionIndex[indexKey] = set;
                }

                set.Add(key);
            }
        }

        foreach (var (key, message) in changes.Messages.Items)
        {
            if (_messages.Remove(key, out var old))
            {
                var indexKey = (old.Name, old.CorrelationKey);
                if (_messageIndex.TryGetValue(indexKey, out var set) && set.Remove(key) && set.Count == 0)
                {
                    _messageIndex.Remove(indexKey);
                }
            }

            if (message is not null)
            {
                _messages[key] = message;
                var indexKey = (message.Name, message.CorrelationKey);
                if (!_messageIndex.TryGetValue(indexKey, out var set))
                {
                    set = [];
                    _messageIndex[indexKey] = set;
                }

                set.Add(key);
            }
        }

        if (changes.LastKey > LastKey)
        {
            LastKey = changes.LastKey;
        }
    }

    private static void Apply<T>(RecordChanges<T> changes, Dictionary<long, T> table)
        where T : class, IKeyedRecord
    {
        foreach (var (key, record) in changes.Items)
        {
            if (record is null)
            {
                table.Remove(key);
            }
            else
            {
                table[key] = record;
            }
        }
    }

    private readonly record struct SubscriptionIndexKey(SubscriptionKind Kind, string Name, string? CorrelationKey);
}
