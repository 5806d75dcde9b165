using Crm.Bpm.Engine.Runtime.Events;
using Crm.Bpm.Engine.Runtime.History;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Jobs;
using Crm.Bpm.Engine.Runtime.Messages;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Engine.Runtime.Timers;
using Crm.Bpm.Engine.Runtime.UserTasks;

namespace Crm.Bpm.Engine.Runtime.Execution;

/// <summary>One command's view of the store: working copies of the instances it touches and its pending row changes, committed together or dropped.</summary>
internal sealed class UnitOfWork
{
    private readonly IProcessStore _store;
    private readonly StoreChanges _own = new();
    private StoreChanges _changes;
    private readonly Dictionary<long, ProcessInstance> _instances = [];
    private readonly Dictionary<long, int> _loadedVersions = [];
    private readonly List<ProcessInstance> _touched = [];
    private readonly Dictionary<long, ProcessInstance> _originals = [];
    private readonly int _keyBlockSize;
    private readonly HistoryLevel _historyLevel;
    private readonly List<PendingHistory> _pendingHistory = [];
    private readonly bool _dropEndedHistory;
    private long _nextKey;
    private long _blockEnd;

    public UnitOfWork(IProcessStore store, EngineOptions options)
    {
        _store = store;
        _changes = _own;
        _keyBlockSize = Math.Max(1, options.KeyBlockSize);
        _historyLevel = options.HistoryLevel;

        // That store keeps nothing of an instance that ended, its history included: building it would be wasted.
        _dropEndedHistory = store is InMemoryProcessStore { KeepEndedInstances: false };
    }

    /// <summary>Whether the command writes history.</summary>
    public bool RecordsHistory => _historyLevel != HistoryLevel.None;

    public IProcessStore Store => _store;

    public DateTimeOffset Now { get; private set; }

    public List<EngineEvent>? Events { get; private set; }

    public StoreChanges Changes => _changes;

    public IReadOnlyList<ProcessInstance> Touched => _touched;

    /// <summary>Starts a command; its changes go to <paramref name="changes"/> (a batch keeps one per command) or to the unit's own.</summary>
    public void Begin(DateTimeOffset now, bool recordEvents, StoreChanges? changes = null)
    {
        _changes = changes ?? _own;
        _changes.Clear();
        _instances.Clear();
        _loadedVersions.Clear();
        _touched.Clear();
        _originals.Clear();
        _pendingHistory.Clear();
        Now = now;
        Events = recordEvents ? [] : null;
    }

    /// <summary>A new key from the engine's reserved block; a new block is reserved when it runs out (keys of a failed command are lost).</summary>
    public long NewKey()
    {
        if (_nextKey >= _blockEnd)
        {
            ReserveBlock();
        }

        return _nextKey++;
    }

    private void ReserveBlock()
    {
        var first = _store.ReserveKeys(_keyBlockSize);
        _nextKey = first;
        _blockEnd = first + _keyBlockSize;
    }

    /// <summary>The working copy of an instance; an ended instance is returned as stored (read-only).</summary>
    public ProcessInstance? GetInstance(long key)
    {
        if (_instances.TryGetValue(key, out var instance))
        {
            return instance;
        }

        return Adopt(key, _store.FindInstance(key));
    }

    /// <summary>The open user task with the key, with its instance loaded into this unit of work in the same read where the store can.</summary>
    public UserTaskRecord? FindUserTaskWithInstance(long key)
    {
        if (_changes.UserTasks.TryGet(key, out var changed))
        {
            return changed;
        }

        var (task, instance) = _store.FindUserTaskWithInstance(key);
        if (task is not null && instance is not null && instance.Key == task.ProcessInstanceKey && !_instances.ContainsKey(instance.Key))
        {
            Adopt(instance.Key, instance);
        }

        return task;
    }

    /// <summary>Makes the working copy of an instance read from the store; an ended instance stays as stored (read-only).</summary>
    private ProcessInstance? Adopt(long key, ProcessInstance? stored)
    {
        if (stored is null || stored.State != ProcessInstanceState.Active)
        {
            return stored;
        }

        var copy = stored.Clone();
        if (_historyLevel == HistoryLevel.Full)
        {
            _originals[key] = stored;
        }

        _instances[key] = copy;
        _loadedVersions[key] = stored.Version;
        _touched.Add(copy);
        return copy;
    }

    public void AddInstance(ProcessInstance instance)
    {
        _instances[instance.Key] = instance;
        _loadedVersions[instance.Key] = 0;
        _touched.Add(instance);
    }

    public JobRecord? FindJob(long key) => _changes.Jobs.TryGet(key, out var job) ? job : _store.FindJob(key);

    public void PutJob(JobRecord job) => _changes.Jobs.Put(job);

    public void DeleteJob(long key) => _changes.Jobs.Delete(key);

    public UserTaskRecord? FindUserTask(long key) => _changes.UserTasks.TryGet(key, out var task) ? task : _store.FindUserTask(key);

    public void PutUserTask(UserTaskRecord task) => _changes.UserTasks.Put(task);

    public void DeleteUserTask(long key) => _changes.UserTasks.Delete(key);

    public TimerRecord? FindTimer(long key) => _changes.Timers.TryGet(key, out var timer) ? timer : _store.FindTimer(key);

    public void PutTimer(TimerRecord timer) => _changes.Timers.Put(timer);

    public void DeleteTimer(long key) => _changes.Timers.Delete(key);

    /// <summary>The timers of an instance (0: the definition's start events), this command's changes included.</summary>
    public List<TimerRecord> TimersOf(long definitionKey, long instanceKey) =>
        _changes.Timers.Merge(_store.TimersOf(definitionKey, instanceKey), t => t.ProcessDefinitionKey == definitionKey && t.ProcessInstanceKey == instanceKey);

    /// <summary>The first due timer, earliest first, this command's changes included.</summary>
    public TimerRecord? NextDueTimer(DateTimeOffset now)
    {
        TimerRecord? best = null;
        foreach (var timer in _store.DueTimers(now))
        {
            if (_changes.Timers.TryGet(timer.Key, out _))
            {
                continue;
            }

            best = timer;
            break;
        }

        foreach (var timer in _changes.Timers.Items.Values)
        {
            if (timer is not null && timer.DueDate <= now
                && (best is null || timer.DueDate < best.DueDate || (timer.DueDate == best.DueDate && timer.Key < best.Key)))
            {
                best = timer;
            }
        }

        return best;
    }

    public EventSubscriptionRecord? FindSubscription(long key) =>
        _changes.Subscriptions.TryGet(key, out var subscription) ? subscription : _store.FindSubscription(key);

    public void PutSubscription(EventSubscriptionRecord subscription) => _changes.Subscriptions.Put(subscription);

    public void DeleteSubscription(long key) => _changes.Subscriptions.Delete(key);

    public List<EventSubscriptionRecord> FindSubscriptions(SubscriptionKind kind, string name, string? correlationKey)
    {
        var list = _changes.Subscriptions.Merge(
            _store.FindSubscriptions(kind, name, correlationKey),
            s => s.Kind == kind && s.Name == name && s.CorrelationKey == correlationKey);
        list.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        return list;
    }

    /// <summary>The subscriptions of an instance (0: the definition's start events), this command's changes included.</summary>
    public List<EventSubscriptionRecord> SubscriptionsOf(long definitionKey, long instanceKey) =>
        _changes.Subscriptions.Merge(_store.SubscriptionsOf(definitionKey, instanceKey), s => s.ProcessDefinitionKey == definitionKey && s.ProcessInstanceKey == instanceKey);

    public List<BufferedMessage> FindBufferedMessages(string name, string correlationKey)
    {
        var list = _changes.Messages.Merge(
            _store.FindBufferedMessages(name, correlationKey),
            m => m.Name == name && m.CorrelationKey == correlationKey);
        list.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        return list;
    }

    public void PutMessage(BufferedMessage message) => _changes.Messages.Put(message);

    public void DeleteMessage(long key) => _changes.Messages.Delete(key);

    public IncidentRecord? FindIncident(long key) => _changes.Incidents.TryGet(key, out var incident) ? incident : _store.FindIncident(key);

    public void PutIncident(IncidentRecord incident) => _changes.Incidents.Put(incident);

    public void DeleteIncident(long key) => _changes.Incidents.Delete(key);

    public void AddDefinition(ProcessDefinitionRecord record) => _changes.Definitions.Add(record);

    public void Emit(EngineEventKind kind, ProcessInstance? instance, string? elementId, long key, string? detail = null, long elementKey = 0)
    {
        Events?.Add(new EngineEvent(kind, instance?.Key ?? 0, instance?.BpmnProcessId, elementId, key, Now, detail));
        // Steps are noted as values and become history events at commit, so a command that fails builds none.
        if (_historyLevel != HistoryLevel.None && instance is not null && HistoryRecorder.TryMap(kind, _historyLevel, out var historyKind))
        {
            _pendingHistory.Add(new PendingHistory(historyKind, instance, elementId, key, detail, elementKey));
        }
    }

    /// <summary>Adds a history event with a new key and the command's time.</summary>
    public void AddHistory(HistoryEvent item) => _changes.History.Add(item);

    /// <summary>The adopted command effects, run by the store inside the commit.</summary>
    public void AddEffects(IReadOnlyList<ICommitEffect>? effects)
    {
        if (effects is not null)
        {
            _changes.Effects.AddRange(effects);
        }
    }

    /// <summary>Writes everything to the store; each changed instance moves up one version.</summary>
    public void Commit()
    {
        Prepare();
        try
        {
            _store.Commit(_changes);
        }
        catch
        {
            // The store refused: put the versions back so the caller's view of the working copies is not half-updated.
            RestoreVersions(_changes);
            throw;
        }
    }

    /// <summary>Puts the versions of a command's instances back to those it loaded, after its changes were not committed.</summary>
    public static void RestoreVersions(StoreChanges changes)
    {
        foreach (var (instance, expected) in changes.Instances)
        {
            instance.Version = expected;
        }
    }

    /// <summary>Completes the command's changes for the store (instance versions, history) without committing them.</summary>
    public void Prepare()
    {
        foreach (var instance in _touched)
        {
            var expected = _loadedVersions[instance.Key];
            instance.Version = expected + 1;
            _changes.Instances.Add((instance, expected));
        }

        if (_pendingHistory.Count > 0)
        {
            foreach (var step in _pendingHistory)
            {
                if (!_dropEndedHistory || step.Instance.State == ProcessInstanceState.Active)
                {
                    HistoryRecorder.Record(this, in step);
                }
            }
        }

        if (_historyLevel == HistoryLevel.Full)
        {
            foreach (var instance in _touched)
            {
                if (!_dropEndedHistory || instance.State == ProcessInstanceState.Active)
                {
                    HistoryRecorder.RecordVariables(this, instance, _originals.GetValueOrDefault(instance.Key));
                }
            }
        }
    }
}
