using System.Collections.Concurrent;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Jobs;
using Crm.Bpm.Engine.Runtime.Messages;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Engine.Runtime.Timers;
using Crm.Bpm.Engine.Runtime.UserTasks;
using Crm.Bpm.Persistence.Engine;

namespace Crm.Bpm.Cli.Engine;

/// <summary>A store for loading benchmark data fast: while <see cref="Batching"/> is on, the engine's commits are gathered into batches that writer threads commit through their own database stores (or the store itself, without writers), many commands per transaction; otherwise every call goes straight to the store.</summary>
/// <remarks>
/// The rows are exactly those the engine and the store write for each command, only fewer transactions and (for new
/// instances and user tasks, <see cref="BulkRows"/>) fewer statements carry them.
/// Only for commands that create new instances (nothing read is checked again): the benchmark loads waiting instances
/// with it and then turns batching off before it measures.
/// </remarks>
internal sealed class BatchLoadingStore(IProcessStore inner, IReadOnlyList<IProcessStore> writers, int batchSize) : IProcessStore, IDisposable
{
    private readonly BlockingCollection<StoreChanges> _batches = new(boundedCapacity: 4);
    private readonly List<Thread> _threads = [];
    private readonly ConcurrentQueue<Exception> _failures = new();
    private StoreChanges _pending = new();
    private int _pendingCommands;
    private bool _batching;

    private long _tasksSeen;

    /// <summary>Keep every this many-th user task committed while batching in <see cref="Sample"/> (0: none), to check afterwards what was written.</summary>
    public int SampleEvery { get; set; }

    /// <summary>User tasks as the engine committed them, one in <see cref="SampleEvery"/>.</summary>
    public List<UserTaskRecord> Sample { get; } = [];

    /// <summary>Whether commits are gathered into batches (on) or go to the store at once (off, after <see cref="Flush"/>).</summary>
    public bool Batching
    {
        get => _batching;
        set
        {
            if (value == _batching)
            {
                return;
            }

            if (value)
            {
                foreach (var writer in writers)
                {
                    var thread = new Thread(() => Write(writer)) { IsBackground = true, Name = "bench writer" };
                    thread.Start();
                    _threads.Add(thread);
                }
            }
            else
            {
                Flush();
            }

            _batching = value;
        }
    }

    /// <summary>Commits what is gathered and waits until the writers have committed everything.</summary>
    /// <exception cref="AggregateException">A writer's commit failed.</exception>
    public void Flush()
    {
        Hand();
        _batches.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _threads.Clear();
        if (!_failures.IsEmpty)
        {
            throw new AggregateException("A batch of benchmark data could not be committed.", _failures);
        }
    }

    /// <inheritdoc/>
    public bool SupportsBatchCommit => !_batching && inner.SupportsBatchCommit;

    /// <inheritdoc/>
    public void CommitBatch(IReadOnlyList<StoreChanges> batch)
    {
        if (_batching)
        {
            throw new InvalidOperationException("The loading store gathers single commits while batching; turn Batching off first.");
        }

        inner.CommitBatch(batch);
    }

    public void Commit(StoreChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (!_batching)
        {
            inner.Commit(changes);
            return;
        }

        if (!_failures.IsEmpty)
        {
            throw new AggregateException("A batch of benchmark data could not be committed.", _failures);
        }

        // The engine reuses its change set: copy what it holds.
        _pending.Instances.AddRange(changes.Instances);
        _pending.Definitions.AddRange(changes.Definitions);
        Copy(changes.Jobs, _pending.Jobs);
        Copy(changes.UserTasks, _pending.UserTasks);
        foreach (var task in changes.UserTasks.Items.Values)
        {
            if (task is not null && SampleEvery > 0 && _tasksSeen++ % SampleEvery == 0)
            {
                Sample.Add(task);
            }
        }

        Copy(changes.Timers, _pending.Timers);
        Copy(changes.Subscriptions, _pending.Subscriptions);
        Copy(changes.Messages, _pending.Messages);
        Copy(changes.Incidents, _pending.Incidents);
        _pending.History.AddRange(changes.History);
        _pending.Effects.AddRange(changes.Effects);
        if (++_pendingCommands >= batchSize)
        {
            Hand();
        }
    }

    private void Hand()
    {
        if (_pendingCommands == 0)
        {
            return;
        }

        if (writers.Count == 0)
        {
            inner.Commit(_pending);
        }
        else
        {
            _batches.Add(_pending);
        }

        _pending = new StoreChanges();
        _pendingCommands = 0;
    }

    private void Write(IProcessStore writer)
    {
        foreach (var batch in _batches.GetConsumingEnumerable())
        {
            try
            {
                // New instances and tasks go in as one multi-row INSERT per table; anything else as the store writes it.
                if (writer is EfProcessStore database && BulkRows.Of(batch, database.Dialect) is { } bulk)
                {
                    var rows = new StoreChanges();
                    rows.Effects.Add(bulk);
                    writer.Commit(rows);
                }
                else
                {
                    writer.Commit(batch);
                }
            }
#pragma warning disable CA1031 // Any failure of a writer is reported by Flush on the benchmark's thread.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _failures.Enqueue(e);
            }
        }
    }

    private static void Copy<T>(RecordChanges<T> from, RecordChanges<T> to)
        where T : class, IKeyedRecord
    {
        foreach (var (key, record) in from.Items)
        {
            if (record is null)
            {
                to.Delete(key);
            }
            else
            {
                to.Put(record);
            }
        }
    }

    public void Dispose() => _batches.Dispose();

    public long ReserveKeys(int count) => inner.ReserveKeys(count);

    public ProcessDefinitionRecord? FindDefinition(long key) => inner.FindDefinition(key);

    public ProcessDefinitionRecord? FindLatestDefinition(string bpmnProcessId) => inner.FindLatestDefinition(bpmnProcessId);

    public IEnumerable<ProcessDefinitionRecord> Definitions() => inner.Definitions();

    public ProcessInstance? FindInstance(long key) => inner.FindInstance(key);

    public ProcessInstance? FindInstanceByElement(long elementInstanceKey) => inner.FindInstanceByElement(elementInstanceKey);

    public IEnumerable<ProcessInstance> Instances() => inner.Instances();

    public JobRecord? FindJob(long key) => inner.FindJob(key);

    public IEnumerable<JobRecord> Jobs() => inner.Jobs();

    public IReadOnlyList<JobRecord> ActivateJobs(JobActivation request) => inner.ActivateJobs(request);

    public UserTaskRecord? FindUserTask(long key) => inner.FindUserTask(key);

    public IEnumerable<UserTaskRecord> UserTasks() => inner.UserTasks();

    public IReadOnlyList<UserTaskRecord> QueryUserTasks(UserTaskQuery query) => inner.QueryUserTasks(query);

    public TimerRecord? FindTimer(long key) => inner.FindTimer(key);

    public IEnumerable<TimerRecord> Timers() => inner.Timers();

    public IEnumerable<TimerRecord> DueTimers(DateTimeOffset now) => inner.DueTimers(now);

    public IEnumerable<TimerRecord> TimersOf(long processDefinitionKey, long processInstanceKey) => inner.TimersOf(processDefinitionKey, processInstanceKey);

    public IReadOnlyList<TimerRecord> AcquireDueTimers(TimerAcquisition request) => inner.AcquireDueTimers(request);

    public EventSubscriptionRecord? FindSubscription(long key) => inner.FindSubscription(key);

    public IEnumerable<EventSubscriptionRecord> Subscriptions() => inner.Subscriptions();

    public IEnumerable<EventSubscriptionRecord> FindSubscriptions(SubscriptionKind kind, string name, string? correlationKey) => inner.FindSubscriptions(kind, name, correlationKey);

    public IEnumerable<EventSubscriptionRecord> SubscriptionsOf(long processDefinitionKey, long processInstanceKey) => inner.SubscriptionsOf(processDefinitionKey, processInstanceKey);

    public IEnumerable<BufferedMessage> FindBufferedMessages(string name, string correlationKey) => inner.FindBufferedMessages(name, correlationKey);

    public IEnumerable<BufferedMessage> BufferedMessages() => inner.BufferedMessages();

    public IncidentRecord? FindIncident(long key) => inner.FindIncident(key);

    public IEnumerable<IncidentRecord> Incidents() => inner.Incidents();
}
