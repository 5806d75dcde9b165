using Crm.Bpm.Engine.Runtime.History;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Jobs;
using Crm.Bpm.Engine.Runtime.Messages;
using Crm.Bpm.Engine.Runtime.Timers;
using Crm.Bpm.Engine.Runtime.UserTasks;

namespace Crm.Bpm.Engine.Runtime.Store;

/// <summary>A store that keeps everything in memory, indexed for the lookups commands make; for tests, benchmarks and single-process use.</summary>
/// <remarks>Not thread-safe by itself: <see cref="ProcessEngine"/> serializes every command and query.</remarks>
public sealed class InMemoryProcessStore : IProcessStore, IHistoryStore
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
    private readonly Dictionary<string, SortedSet<long>> _workableJobs = new(StringComparer.Ordinal);
    private readonly Dictionary<(long Definition, long Instance), HashSet<long>> _timersByOwner = [];
    private readonly Dictionary<(long Definition, long Instance), HashSet<long>> _subscriptionsByOwner = [];
    private readonly Dictionary<long, List<HistoryEvent>> _history = [];
    private long _lastKey;

    /// <inheritdoc/>
    public long ReserveKeys(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Interlocked.Add(ref _lastKey, count) - count + 1;
    }

    /// <summary>The highest key reserved so far.</summary>
    public long LastKey => Interlocked.Read(ref _lastKey);

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

    /// <inheritdoc/>
    public ProcessInstance? FindInstanceByElement(long elementInstanceKey)
    {
        if (_instances.TryGetValue(elementInstanceKey, out var direct))
        {
            return direct;
        }

        // Memory only: element keys are not indexed, so that a step does not pay for an index it rarely needs.
        foreach (var instance in _instances.Values)
        {
            if (instance.State == ProcessInstanceState.Active && instance.FindElement(elementInstanceKey) is not null)
            {
                return instance;
            }
        }

        return null;
    }

    /// <summary>How many instances the store holds.</summary>
    public int InstanceCount => _instances.Count;

    /// <inheritdoc/>
    public JobRecord? FindJob(long key) => _jobs.GetValueOrDefault(key);

    /// <inheritdoc/>
    public IEnumerable<JobRecord> Jobs() => _jobs.Values;

    /// <inheritdoc/>
    public IReadOnlyList<JobRecord> ActivateJobs(JobActivation request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MaxJobs <= 0 || request.Types.Count == 0)
        {
            return [];
        }

        var candidates = new List<JobRecord>();
        foreach (var type in request.Types)
        {
            if (!_workableJobs.TryGetValue(type, out var keys))
            {
                continue;
            }

            foreach (var key in keys)
            {
                var job = _jobs[key];
                if (IsWorkable(job, request.Now))
                {
                    candidates.Add(job);
                }
            }
        }

        candidates.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        var count = Math.Min(candidates.Count, request.MaxJobs);
        var result = new List<JobRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var activated = candidates[i] with { State = JobState.Activated, Worker = request.Worker, Deadline = request.Now + request.LockTimeout };
            _jobs[activated.Key] = activated;
            result.Add(activated);
        }

        return result;
    }

    private static bool IsWorkable(JobRecord job, DateTimeOffset now) => job.State switch
    {
        JobState.Activatable => job.RetryAfter is null || job.RetryAfter <= now,
        JobState.Activated => job.Deadline is null || job.Deadline < now,
        _ => false,
    };

    /// <inheritdoc/>
    public UserTaskRecord? FindUserTask(long key) => _userTasks.GetValueOrDefault(key);

    /// <inheritdoc/>
    public IEnumerable<UserTaskRecord> UserTasks() => _userTasks.Values;

    /// <inheritdoc/>
    public IReadOnlyList<UserTaskRecord> QueryUserTasks(UserTaskQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var result = new List<UserTaskRecord>();
        foreach (var task in _userTasks.Values)
        {
            if (UserTaskOrder.Matches(task, query) && UserTaskOrder.IsAfter(task, query))
            {
                result.Add(task);
            }
        }

        result.Sort(UserTaskOrder.Compare);
        if (result.Count > query.PageSize)
        {
            result.RemoveRange(Math.Max(query.PageSize, 0), result.Count - Math.Max(query.PageSize, 0));
        }

        return result;
    }

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
    public IEnumerable<TimerRecord> TimersOf(long processDefinitionKey, long processInstanceKey) =>
        Owned(_timersByOwner, _timers, processDefinitionKey, processInstanceKey);

    /// <inheritdoc/>
    public IReadOnlyList<TimerRecord> AcquireDueTimers(TimerAcquisition request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = new List<TimerRecord>();
        if (request.MaxTimers <= 0)
        {
            return result;
        }

        foreach (var (due, key) in _timerQueue)
        {
            if (due > request.Now || result.Count == request.MaxTimers)
            {
                break;
            }

            var timer = _timers[key];
            if (timer.LockedUntil is { } until && until >= request.Now)
            {
                continue;
            }

            result.Add(timer with { LockOwner = request.Owner, LockedUntil = request.Now + request.LockTimeout });
        }

        foreach (var timer in result)
        {
            _timers[timer.Key] = timer;
        }

        return result;
    }

    /// <inheritdoc/>
    public IEnumerable<EventSubscriptionRecord> SubscriptionsOf(long processDefinitionKey, long processInstanceKey) =>
        Owned(_subscriptionsByOwner, _subscriptions, processDefinitionKey, processInstanceKey);

    private static List<T> Owned<T>(Dictionary<(long, long), HashSet<long>> index, Dictionary<long, T> table, long definitionKey, long instanceKey)
        where T : class, IKeyedRecord
    {
        if (!index.TryGetValue((definitionKey, instanceKey), out var keys))
        {
            return [];
        }

        var result = new List<T>(keys.Count);
        foreach (var key in keys)
        {
            result.Add(table[key]);
        }

        result.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        return result;
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
        CommitBatch([changes]);
    }

    /// <inheritdoc/>
    public bool SupportsBatchCommit => true;

    /// <inheritdoc/>
    public void CommitBatch(IReadOnlyList<StoreChanges> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);

        // Check every version before writing anything, so a conflict leaves the store as it was.
        foreach (var changes in batch)
        {
            foreach (var (instance, expected) in changes.Instances)
            {
                var stored = _instances.GetValueOrDefault(instance.Key);
                var storedVersion = stored?.Version ?? 0;
                if (storedVersion != expected)
                {
                    throw new StoreConcurrencyException($"Process instance {instance.Key} is at version {storedVersion}, not {expected}; another command changed it.");
                }
            }
        }

        // Effects run before anything is written here, so one that throws leaves the store as it was (a database
        // store runs them after its writes, inside the transaction it then rolls back).
        foreach (var changes in batch)
        {
            foreach (var effect in changes.Effects)
            {
                effect.Apply(CommitContext.None);
            }
        }

        foreach (var changes in batch)
        {
            ApplyChanges(changes);
        }
    }

    private void ApplyChanges(StoreChanges changes)
    {
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

        ApplyJobs(changes.Jobs);
        Apply(changes.UserTasks, _userTasks);
        Apply(changes.Incidents, _incidents);
        foreach (var (key, timer) in changes.Timers.Items)
        {
            if (_timers.Remove(key, out var old))
            {
                _timerQueue.Remove((old.DueDate, key));
                Unindex(_timersByOwner, (old.ProcessDefinitionKey, old.ProcessInstanceKey), key);
            }

            if (timer is not null)
            {
                _timers[key] = timer;
                _timerQueue.Add((timer.DueDate, key));
                Index(_timersByOwner, (timer.ProcessDefinitionKey, timer.ProcessInstanceKey), key);
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

                Unindex(_subscriptionsByOwner, (old.ProcessDefinitionKey, old.ProcessInstanceKey), key);
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
                Index(_subscriptionsByOwner, (subscription.ProcessDefinitionKey, subscription.ProcessInstanceKey), key);
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

        if (changes.History.Count > 0 || (!KeepEndedInstances && _history.Count > 0))
        {
            AddHistory(changes);
        }
    }

    private void AddHistory(StoreChanges changes)
    {
        // Nothing of an ended instance stays when ended instances are dropped: its history goes with it.
        var anyEnded = false;
        if (!KeepEndedInstances)
        {
            foreach (var (instance, _) in changes.Instances)
            {
                if (instance.State != ProcessInstanceState.Active)
                {
                    anyEnded = true;
                    _history.Remove(instance.Key);
                }
            }
        }

        List<HistoryEvent>? list = null;
        foreach (var item in changes.History)
        {
            if (anyEnded && IsEndedIn(changes, item.ProcessInstanceKey))
            {
                continue;
            }

            if (list is null || list[0].ProcessInstanceKey != item.ProcessInstanceKey)
            {
                if (!_history.TryGetValue(item.ProcessInstanceKey, out list))
                {
                    list = [];
                    _history[item.ProcessInstanceKey] = list;
                }
            }

            list.Add(item);
        }
    }

    private static bool IsEndedIn(StoreChanges changes, long instanceKey)
    {
        foreach (var (instance, _) in changes.Instances)
        {
            if (instance.Key == instanceKey)
            {
                return instance.State != ProcessInstanceState.Active;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public IReadOnlyList<HistoryEvent> QueryHistory(HistoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var result = new List<HistoryEvent>();
        if (query.ProcessInstanceKey is { } only)
        {
            if (_history.TryGetValue(only, out var events))
            {
                Filter(events, query, result);
            }
        }
        else
        {
            foreach (var events in _history.Values)
            {
                Filter(events, query, result);
            }
        }

        result.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        var size = Math.Max(query.PageSize, 0);
        if (result.Count > size)
        {
            result.RemoveRange(size, result.Count - size);
        }

        return result;
    }

    private static void Filter(List<HistoryEvent> events, HistoryQuery query, List<HistoryEvent> result)
    {
        foreach (var item in events)
        {
            if (item.Key > query.AfterKey
                && (query.BpmnProcessId is null || item.BpmnProcessId == query.BpmnProcessId)
                && (query.Kind is null || item.Kind == query.Kind)
                && (query.From is null || item.Time >= query.From)
                && (query.To is null || item.Time < query.To))
            {
                result.Add(item);
            }
        }
    }

    /// <inheritdoc/>
    public int DeleteHistory(DateTimeOffset endedBefore)
    {
        var ended = new List<long>();
        foreach (var (key, events) in _history)
        {
            foreach (var item in events)
            {
                if (item.Kind is HistoryEventKind.InstanceCompleted or HistoryEventKind.InstanceTerminated && item.Time < endedBefore)
                {
                    ended.Add(key);
                    break;
                }
            }
        }

        var removed = 0;
        foreach (var key in ended)
        {
            removed += _history[key].Count;
            _history.Remove(key);
        }

        return removed;
    }

    private void ApplyJobs(RecordChanges<JobRecord> changes)
    {
        foreach (var (key, job) in changes.Items)
        {
            if (_jobs.Remove(key, out var old) && _workableJobs.TryGetValue(old.Type, out var set) && set.Remove(key) && set.Count == 0)
            {
                _workableJobs.Remove(old.Type);
            }

            if (job is not null)
            {
                _jobs[key] = job;
                if (job.State is JobState.Activatable or JobState.Activated)
                {
                    if (!_workableJobs.TryGetValue(job.Type, out var keys))
                    {
                        keys = [];
                        _workableJobs[job.Type] = keys;
                    }

                    keys.Add(key);
                }
            }
        }
    }

    private static void Index(Dictionary<(long, long), HashSet<long>> index, (long, long) owner, long key)
    {
        if (!index.TryGetValue(owner, out var keys))
        {
            keys = [];
            index[owner] = keys;
        }

        keys.Add(key);
    }

    private static void Unindex(Dictionary<(long, long), HashSet<long>> index, (long, long) owner, long key)
    {
        if (index.TryGetValue(owner, out var keys) && keys.Remove(key) && keys.Count == 0)
        {
            index.Remove(owner);
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
