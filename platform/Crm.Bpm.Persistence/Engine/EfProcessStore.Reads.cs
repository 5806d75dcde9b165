using System.Data.Common;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Jobs;
using Crm.Bpm.Engine.Runtime.Messages;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Engine.Runtime.Timers;
using Crm.Bpm.Engine.Runtime.UserTasks;

namespace Crm.Bpm.Persistence.Engine;

public sealed partial class EfProcessStore
{
    private const string DefinitionColumns = "definition_key, bpmn_process_id, version, name, resource_name, source, checksum, deployed_at";
    private const string InstanceColumns = "instance_key, definition_key, bpmn_process_id, state, version, parent_instance_key, parent_element_instance_key, start_time, end_time, data";
    private const string ElementColumns = "element_instance_key, instance_key, parent_key, element_id, state, data";
    private const string VariableColumns = "instance_key, scope_key, name, value";
    private const string JobColumns = "job_key, job_type, instance_key, element_instance_key, element_id, bpmn_process_id, definition_key, retries, state, error_message, retry_after, worker, deadline, custom_headers, variables, created_at";
    private const string TimerColumns = "timer_key, instance_key, element_instance_key, element_id, bpmn_process_id, definition_key, due_date, repetitions, interval_text, cron, lock_owner, locked_until";
    private const string SubscriptionColumns = "subscription_key, kind, name, correlation_key, instance_key, element_instance_key, element_id, bpmn_process_id, definition_key, interrupting";
    private const string MessageColumns = "message_key, name, correlation_key, variables, expires_at, message_id";
    private const string TaskColumns = "task_key, instance_key, element_instance_key, element_id, bpmn_process_id, definition_key, name, assignee, candidate_users, candidate_groups, due_date, follow_up_date, priority, form_key, variables, created_at";
    private const string IncidentColumns = "incident_key, incident_type, message, instance_key, element_instance_key, element_id, bpmn_process_id, job_key, created_at";

    /// <inheritdoc/>
    public ProcessDefinitionRecord? FindDefinition(long key)
    {
        if (_definitions.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var found = Single($"SELECT {DefinitionColumns} FROM bpm_definitions WHERE definition_key = @p0", ReadDefinition, key);
        if (found is not null)
        {
            _definitions[key] = found;
        }

        return found;
    }

    /// <inheritdoc/>
    public ProcessDefinitionRecord? FindLatestDefinition(string bpmnProcessId)
    {
        // Read only the latest version's key, and the (immutable) record from the cache.
        var key = Guard(() =>
        {
            var command = Command($"SELECT {_dialect.Top("1")}definition_key FROM bpm_definitions WHERE bpmn_process_id = @p0 ORDER BY version DESC{_dialect.Limit("1")}", 1);
            Set(command, 0, bpmnProcessId);
            return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : (long?)null;
        });
        var found = key is { } k ? FindDefinition(k) : null;
        if (found is not null)
        {
            _latest[bpmnProcessId] = found;
        }

        return found;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Answers from the latest version this store last saw, without a round trip; the start's commit then inserts the
    /// instance only if no newer version exists (<see cref="WriteChanges"/>), else refuses it as a conflict, forgets
    /// what it saw and the engine's retry reads afresh.
    /// </remarks>
    public ProcessDefinitionRecord? FindLatestDefinitionToStart(string bpmnProcessId)
    {
        var latest = _latest.TryGetValue(bpmnProcessId, out var seen) ? seen : FindLatestDefinition(bpmnProcessId);
        if (latest is not null)
        {
            _assumedLatest[latest.Key] = latest.Version;
        }

        return latest;
    }

    /// <inheritdoc/>
    public IEnumerable<ProcessDefinitionRecord> Definitions() =>
        List($"SELECT {DefinitionColumns} FROM bpm_definitions ORDER BY definition_key", ReadDefinition);

    /// <inheritdoc/>
    public ProcessInstance? FindInstance(long key) => Guard(() =>
    {
        if (_prefetched.Remove(key, out var fetched))
        {
            // Read moments ago with the timers that led here; the commit's version check catches a change since.
            Remember(key, fetched.Instance.Version, fetched);
            return Compose(fetched);
        }

        if (_rows.TryGetValue(key, out var cached))
        {
            // Usually the rows this store last committed are still current: one statement checks the instance row.
            var row = QuerySingle($"SELECT {InstanceColumns} FROM bpm_process_instances WHERE instance_key = @p0", ReadInstance, key);
            if (row is null)
            {
                return null;
            }

            if (cached.Version == row.Version)
            {
                return Compose(cached.Rows with { Instance = row });
            }

            var (elements, variables) = ReadRows(Command(RowsReadSql, 1), key, readInstance: false, out _);
            return Compose(Fresh(key, new InstanceRows(row, elements, variables)));
        }

        // Nothing cached: the instance, element and variable rows in one round trip.
        var (allElements, allVariables) = ReadRows(Command(InstanceReadSql, 1), key, readInstance: true, out var instance);
        return instance is null ? null : Compose(Fresh(key, new InstanceRows(instance, allElements, allVariables)));
    });

    private InstanceRows Fresh(long key, InstanceRows rows)
    {
        Remember(key, rows.Instance.Version, rows);
        return rows;
    }

    private static (List<ElementRow> Elements, List<VariableRow> Variables) ReadRows(DbCommand command, long key, bool readInstance, out InstanceRow? instance)
    {
        Set(command, 0, key);
        instance = null;
        using var reader = ExecuteStatements(command);
        if (readInstance)
        {
            if (reader.Read())
            {
                instance = ReadInstance(reader);
            }

            reader.NextResult();
        }

        return ReadElementsAndVariables(reader);
    }

    /// <summary>Reads the element rows from the reader's current result and the variable rows from the next.</summary>
    private static (List<ElementRow> Elements, List<VariableRow> Variables) ReadElementsAndVariables(DbDataReader reader)
    {
        var elements = new List<ElementRow>();
        while (reader.Read())
        {
            elements.Add(ReadElement(reader));
        }

        reader.NextResult();
        var variables = new List<VariableRow>();
        while (reader.Read())
        {
            variables.Add(ReadVariable(reader));
        }

        return (elements, variables);
    }

    /// <summary>Runs a command of several statements and returns its reader.</summary>
    /// <remarks>
    /// Asynchronously, then waited for: Npgsql writes the second and later statements of a synchronous command from a
    /// thread-pool task (its guard against deadlock on large sends), which costs a thread hop per read.
    /// </remarks>
    private static DbDataReader ExecuteStatements(DbCommand command) => command.ExecuteReaderAsync().GetAwaiter().GetResult();

    private const string RowsReadSql =
        $"SELECT {ElementColumns} FROM bpm_element_instances WHERE instance_key = @p0 ORDER BY element_instance_key;\n" +
        $"SELECT {VariableColumns} FROM bpm_variables WHERE instance_key = @p0";

    private const string InstanceReadSql = $"SELECT {InstanceColumns} FROM bpm_process_instances WHERE instance_key = @p0;\n" + RowsReadSql;

    /// <inheritdoc/>
    public ProcessInstance? FindInstanceByElement(long elementInstanceKey)
    {
        var owner = Guard(() =>
        {
            var command = Command("SELECT instance_key FROM bpm_element_instances WHERE element_instance_key = @p0", 1);
            Set(command, 0, elementInstanceKey);
            return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : elementInstanceKey;
        });
        return FindInstance(owner);
    }

    /// <inheritdoc/>
    public IEnumerable<ProcessInstance> Instances() => Guard(() =>
    {
        var instances = QueryList($"SELECT {InstanceColumns} FROM bpm_process_instances ORDER BY instance_key", ReadInstance);
        var elements = QueryList($"SELECT {ElementColumns} FROM bpm_element_instances ORDER BY element_instance_key", ReadElement).ToLookup(e => e.ProcessInstanceKey);
        var variables = QueryList($"SELECT {VariableColumns} FROM bpm_variables", ReadVariable).ToLookup(v => v.ProcessInstanceKey);
        return instances.Select(i => Compose(new InstanceRows(i, [.. elements[i.Key]], [.. variables[i.Key]]))).ToList();
    });

    /// <inheritdoc/>
    public JobRecord? FindJob(long key) => Single($"SELECT {JobColumns} FROM bpm_jobs WHERE job_key = @p0", ReadJob, key);

    /// <inheritdoc/>
    public IEnumerable<JobRecord> Jobs() => List($"SELECT {JobColumns} FROM bpm_jobs ORDER BY job_key", ReadJob);

    /// <inheritdoc/>
    public UserTaskRecord? FindUserTask(long key) => Single($"SELECT {TaskColumns} FROM bpm_user_tasks WHERE task_key = @p0", ReadTask, key);

    /// <inheritdoc/>
    /// <remarks>One round trip: the task row, its instance row, and the instance's element and variable rows unless the rows this store last committed are still current.</remarks>
    public (UserTaskRecord? Task, ProcessInstance? Instance) FindUserTaskWithInstance(long key) => Guard<(UserTaskRecord?, ProcessInstance?)>(() =>
    {
        var command = Command(TaskWithInstanceSql, 1);
        Set(command, 0, key);
        UserTaskRecord? task = null;
        InstanceRows? rows = null;
        using (var reader = ExecuteStatements(command))
        {
            if (reader.Read())
            {
                task = ReadTask(reader);
            }

            reader.NextResult();
            if (task is not null && reader.Read())
            {
                var row = ReadInstance(reader);
                reader.NextResult();
                if (_rows.TryGetValue(row.Key, out var cached) && cached.Version == row.Version)
                {
                    rows = cached.Rows with { Instance = row };
                }
                else
                {
                    var (elements, variables) = ReadElementsAndVariables(reader);
                    rows = Fresh(row.Key, new InstanceRows(row, elements, variables));
                }
            }
        }

        if (task is null)
        {
            return (null, null);
        }

        _read[task.Key] = task;
        return (task, rows is null ? null : Compose(rows));
    });

    private const string TaskInstanceKey = "(SELECT t.instance_key FROM bpm_user_tasks t WHERE t.task_key = @p0)";

    private const string TaskWithInstanceSql =
        $"SELECT {TaskColumns} FROM bpm_user_tasks WHERE task_key = @p0;\n" +
        $"SELECT {InstanceColumns} FROM bpm_process_instances WHERE instance_key = {TaskInstanceKey};\n" +
        $"SELECT {ElementColumns} FROM bpm_element_instances WHERE instance_key = {TaskInstanceKey} ORDER BY element_instance_key;\n" +
        $"SELECT {VariableColumns} FROM bpm_variables WHERE instance_key = {TaskInstanceKey}";

    /// <inheritdoc/>
    public IEnumerable<UserTaskRecord> UserTasks() => List($"SELECT {TaskColumns} FROM bpm_user_tasks ORDER BY task_key", ReadTask);

    /// <inheritdoc/>
    public TimerRecord? FindTimer(long key)
    {
        if (_acquired.Remove(key, out var timer))
        {
            // Returned by this store's acquisition and not changed by it since: the firing's row check (DELETE or
            // UPDATE that must hit the row with its due date) refuses it if another node fired it after all.
            _read[key] = timer;
            return timer;
        }

        return Single($"SELECT {TimerColumns} FROM bpm_timers WHERE timer_key = @p0", ReadTimer, key);
    }

    /// <inheritdoc/>
    public IEnumerable<TimerRecord> Timers() => List($"SELECT {TimerColumns} FROM bpm_timers ORDER BY timer_key", ReadTimer);

    /// <inheritdoc/>
    public IEnumerable<TimerRecord> DueTimers(DateTimeOffset now) =>
        List($"SELECT {TimerColumns} FROM bpm_timers WHERE due_date <= @p0 ORDER BY due_date, timer_key", ReadTimer, Ticks.Of(now));

    /// <inheritdoc/>
    public IEnumerable<TimerRecord> TimersOf(long processDefinitionKey, long processInstanceKey) =>
        List($"SELECT {TimerColumns} FROM bpm_timers WHERE definition_key = @p0 AND instance_key = @p1 ORDER BY timer_key", ReadTimer, processDefinitionKey, processInstanceKey);

    /// <inheritdoc/>
    public EventSubscriptionRecord? FindSubscription(long key) =>
        Single($"SELECT {SubscriptionColumns} FROM bpm_subscriptions WHERE subscription_key = @p0", ReadSubscription, key);

    /// <inheritdoc/>
    public IEnumerable<EventSubscriptionRecord> Subscriptions() =>
        List($"SELECT {SubscriptionColumns} FROM bpm_subscriptions ORDER BY subscription_key", ReadSubscription);

    /// <inheritdoc/>
    public IEnumerable<EventSubscriptionRecord> FindSubscriptions(SubscriptionKind kind, string name, string? correlationKey) => correlationKey is null
        ? List($"SELECT {SubscriptionColumns} FROM bpm_subscriptions WHERE kind = @p0 AND name = @p1 AND correlation_key IS NULL ORDER BY subscription_key", ReadSubscription, (int)kind, name)
        : List($"SELECT {SubscriptionColumns} FROM bpm_subscriptions WHERE kind = @p0 AND name = @p1 AND correlation_key = @p2 ORDER BY subscription_key", ReadSubscription, (int)kind, name, correlationKey);

    /// <inheritdoc/>
    public IEnumerable<EventSubscriptionRecord> SubscriptionsOf(long processDefinitionKey, long processInstanceKey) =>
        List($"SELECT {SubscriptionColumns} FROM bpm_subscriptions WHERE definition_key = @p0 AND instance_key = @p1 ORDER BY subscription_key", ReadSubscription, processDefinitionKey, processInstanceKey);

    /// <inheritdoc/>
    public IEnumerable<BufferedMessage> FindBufferedMessages(string name, string correlationKey) =>
        List($"SELECT {MessageColumns} FROM bpm_buffered_messages WHERE name = @p0 AND correlation_key = @p1 ORDER BY message_key", ReadMessage, name, correlationKey);

    /// <inheritdoc/>
    public IEnumerable<BufferedMessage> BufferedMessages() =>
        List($"SELECT {MessageColumns} FROM bpm_buffered_messages ORDER BY message_key", ReadMessage);

    /// <inheritdoc/>
    public IncidentRecord? FindIncident(long key) => Single($"SELECT {IncidentColumns} FROM bpm_incidents WHERE incident_key = @p0", ReadIncident, key);

    /// <inheritdoc/>
    public IEnumerable<IncidentRecord> Incidents() => List($"SELECT {IncidentColumns} FROM bpm_incidents ORDER BY incident_key", ReadIncident);

    private ProcessInstance Compose(InstanceRows rows)
    {
        var key = rows.Instance.ProcessDefinitionKey;
        var definition = (_compiled.TryGetValue(key, out var known) ? known : Processes?.Invoke(key))
            ?? throw new InvalidDataException($"Process instance {rows.Instance.Key} belongs to definition {rows.Instance.ProcessDefinitionKey}, which this store has not seen committed; set EfProcessStore.Processes (e.g. to engine.GetProcess) so it can find definitions deployed elsewhere.");
        return ProcessInstanceRows.Compose(definition, rows.Instance, rows.Elements, rows.Variables);
    }

    private void Remember(long key, int version, InstanceRows rows)
    {
        if (_rows.Count >= MaxCachedInstances && !_rows.ContainsKey(key))
        {
            _rows.Clear();
        }

        _rows[key] = new CachedRows(version, rows);
    }

    /// <summary>One row read (and remembered as existing, for the row-level checks of the next commit), or null.</summary>
    private T? Single<T>(string sql, Func<DbDataReader, T> read, params object?[] arguments)
        where T : class, IKeyedRecord => Guard(() =>
        {
            var row = QuerySingle(sql, read, arguments);
            if (row is not null)
            {
                _read[row.Key] = row;
            }

            return row;
        });

    private List<T> List<T>(string sql, Func<DbDataReader, T> read, params object?[] arguments)
        where T : class, IKeyedRecord => Guard(() =>
        {
            var rows = QueryList(sql, read, arguments);
            foreach (var row in rows)
            {
                _read[row.Key] = row;
            }

            return rows;
        });

    private T? QuerySingle<T>(string sql, Func<DbDataReader, T> read, params object?[] arguments)
        where T : class
    {
        var command = Command(sql, arguments.Length);
        for (var i = 0; i < arguments.Length; i++)
        {
            Set(command, i, arguments[i]);
        }

        using var reader = command.ExecuteReader();
        return reader.Read() ? read(reader) : null;
    }

    private List<T> QueryList<T>(string sql, Func<DbDataReader, T> read, params object?[] arguments)
    {
        var command = Command(sql, arguments.Length);
        for (var i = 0; i < arguments.Length; i++)
        {
            Set(command, i, arguments[i]);
        }

        var result = new List<T>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(read(reader));
        }

        return result;
    }

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long? Long(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    private static DateTimeOffset? Time(DbDataReader r, int i) => r.IsDBNull(i) ? null : Ticks.Time(r.GetInt64(i));

    private static ProcessDefinitionRecord ReadDefinition(DbDataReader r) => new()
    {
        Key = r.GetInt64(0),
        BpmnProcessId = r.GetString(1),
        Version = r.GetInt32(2),
        Name = Text(r, 3),
        ResourceName = Text(r, 4),
        Source = Text(r, 5),
        Checksum = r.GetString(6),
        DeployedAt = Ticks.Time(r.GetInt64(7)),
    };

    private static InstanceRow ReadInstance(DbDataReader r) => new()
    {
        Key = r.GetInt64(0),
        ProcessDefinitionKey = r.GetInt64(1),
        BpmnProcessId = r.GetString(2),
        State = (ProcessInstanceState)r.GetInt32(3),
        Version = r.GetInt32(4),
        ParentInstanceKey = r.GetInt64(5),
        ParentElementInstanceKey = r.GetInt64(6),
        StartTime = Ticks.Time(r.GetInt64(7)),
        EndTime = Time(r, 8),
        Data = r.GetString(9),
    };

    private static ElementRow ReadElement(DbDataReader r) => new()
    {
        Key = r.GetInt64(0),
        ProcessInstanceKey = r.GetInt64(1),
        ParentKey = r.GetInt64(2),
        ElementId = r.GetString(3),
        State = (ElementState)r.GetInt32(4),
        Data = r.GetString(5),
    };

    private static VariableRow ReadVariable(DbDataReader r) => new(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3));

    private static JobRecord ReadJob(DbDataReader r) => new()
    {
        Key = r.GetInt64(0),
        Type = r.GetString(1),
        ProcessInstanceKey = r.GetInt64(2),
        ElementInstanceKey = r.GetInt64(3),
        ElementId = r.GetString(4),
        BpmnProcessId = r.GetString(5),
        ProcessDefinitionKey = r.GetInt64(6),
        Retries = r.GetInt32(7),
        State = (JobState)r.GetInt32(8),
        ErrorMessage = Text(r, 9),
        RetryAfter = Time(r, 10),
        Worker = Text(r, 11),
        Deadline = Time(r, 12),
        CustomHeaders = RecordJson.ReadHeaders(r.GetString(13)),
        Variables = RecordJson.ReadVariables(r.GetString(14)),
        CreatedAt = Ticks.Time(r.GetInt64(15)),
    };

    private static TimerRecord ReadTimer(DbDataReader r) => new()
    {
        Key = r.GetInt64(0),
        ProcessInstanceKey = r.GetInt64(1),
        ElementInstanceKey = r.GetInt64(2),
        ElementId = r.GetString(3),
        BpmnProcessId = r.GetString(4),
        ProcessDefinitionKey = r.GetInt64(5),
        DueDate = Ticks.Time(r.GetInt64(6)),
        Repetitions = r.GetInt32(7),
        Interval = Text(r, 8),
        Cron = Text(r, 9),
        LockOwner = Text(r, 10),
        LockedUntil = Time(r, 11),
    };

    private static EventSubscriptionRecord ReadSubscription(DbDataReader r) => new()
    {
        Key = r.GetInt64(0),
        Kind = (SubscriptionKind)r.GetInt32(1),
        Name = r.GetString(2),
        CorrelationKey = Text(r, 3),
        ProcessInstanceKey = r.GetInt64(4),
        ElementInstanceKey = r.GetInt64(5),
        ElementId = r.GetString(6),
        BpmnProcessId = r.GetString(7),
        ProcessDefinitionKey = r.GetInt64(8),
        Interrupting = r.GetBoolean(9),
    };

    private static BufferedMessage ReadMessage(DbDataReader r) => new()
    {
        Key = r.GetInt64(0),
        Name = r.GetString(1),
        CorrelationKey = r.GetString(2),
        Variables = RecordJson.ReadVariables(r.GetString(3)),
        ExpiresAt = Ticks.Time(r.GetInt64(4)),
        MessageId = Text(r, 5),
    };

    private static UserTaskRecord ReadTask(DbDataReader r) => new()
    {
        Key = r.GetInt64(0),
        ProcessInstanceKey = r.GetInt64(1),
        ElementInstanceKey = r.GetInt64(2),
        ElementId = r.GetString(3),
        BpmnProcessId = r.GetString(4),
        ProcessDefinitionKey = r.GetInt64(5),
        Name = Text(r, 6),
        Assignee = Text(r, 7),
        CandidateUsers = RecordJson.ReadList(r.GetString(8)),
        CandidateGroups = RecordJson.ReadList(r.GetString(9)),
        DueDate = Time(r, 10),
        FollowUpDate = Time(r, 11),
        Priority = r.GetInt32(12),
        FormKey = Text(r, 13),
        Variables = RecordJson.ReadVariables(r.GetString(14)),
        CreatedAt = Ticks.Time(r.GetInt64(15)),
    };

    private static IncidentRecord ReadIncident(DbDataReader r) => new()
    {
        Key = r.GetInt64(0),
        Type = (IncidentType)r.GetInt32(1),
        Message = r.GetString(2),
        ProcessInstanceKey = r.GetInt64(3),
        ElementInstanceKey = r.GetInt64(4),
        ElementId = r.GetString(5),
        BpmnProcessId = r.GetString(6),
        JobKey = r.GetInt64(7),
        CreatedAt = Ticks.Time(r.GetInt64(8)),
    };
}
