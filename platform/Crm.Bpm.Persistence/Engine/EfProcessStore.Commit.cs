using Crm.Bpm.Engine.Runtime.History;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Jobs;
using Crm.Bpm.Engine.Runtime.Messages;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Engine.Runtime.Timers;
using Crm.Bpm.Engine.Runtime.UserTasks;

namespace Crm.Bpm.Persistence.Engine;

public sealed partial class EfProcessStore
{
    /// <inheritdoc/>
    public void Commit(StoreChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        CommitBatch([changes]);
    }

    private void TryRollback(System.Data.Common.DbTransaction transaction)
    {
        try
        {
            transaction.Rollback();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            // The connection broke: the server rolls the transaction back itself.
            ResetConnection();
        }
    }

    private void WriteChanges(StoreChanges changes, List<(long, int, InstanceRows, bool)> written)
    {
        foreach (var definition in changes.Definitions)
        {
            _latest.Remove(definition.BpmnProcessId);
            Insert("INSERT INTO bpm_definitions (definition_key, bpmn_process_id, version, name, resource_name, source, checksum, deployed_at) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)",
                definition.Key, definition.BpmnProcessId, definition.Version, definition.Name, definition.ResourceName, definition.Source, definition.Checksum, Ticks.Of(definition.DeployedAt));
        }

        foreach (var (instance, expected) in changes.Instances)
        {
            var after = ProcessInstanceRows.Decompose(instance);
            var row = after.Instance;
            InstanceRows? before = null;
            if (expected == 0 && _assumedLatest.TryGetValue(row.ProcessDefinitionKey, out var latestVersion))
            {
                // Started on the latest version as this store last saw it: only if that is still the latest.
                Queue(LatestInstanceInsert,
                    [row.Key, row.ProcessDefinitionKey, row.BpmnProcessId, (int)row.State, row.Version, row.ParentInstanceKey, row.ParentElementInstanceKey, Ticks.Of(row.StartTime), Ticks.Of(row.EndTime), row.Data, latestVersion],
                    $"A newer version of process '{row.BpmnProcessId}' than version {latestVersion} was deployed meanwhile; the start is retried on it.");
            }
            else if (expected == 0)
            {
                Insert("INSERT INTO bpm_process_instances (instance_key, definition_key, bpmn_process_id, state, version, parent_instance_key, parent_element_instance_key, start_time, end_time, data) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)",
                    row.Key, row.ProcessDefinitionKey, row.BpmnProcessId, (int)row.State, row.Version, row.ParentInstanceKey, row.ParentElementInstanceKey, Ticks.Of(row.StartTime), Ticks.Of(row.EndTime), row.Data);
            }
            else
            {
                Queue("UPDATE bpm_process_instances SET state = @p0, version = @p1, end_time = @p2, data = @p3 WHERE instance_key = @p4 AND version = @p5",
                    [(int)row.State, row.Version, Ticks.Of(row.EndTime), row.Data, row.Key, expected],
                    $"Process instance {row.Key} is no longer at version {expected}; another command changed it.");
                if (_rows.TryGetValue(row.Key, out var cached) && cached.Version == expected)
                {
                    before = cached.Rows;
                }
                else
                {
                    // No rows cached at this version: read what the database holds (before this command's writes; in an
                    // implicit commit nothing has been sent yet, and the version check guards the read as it does the cache).
                    if (!_implicitCommit)
                    {
                        Flush();
                    }

                    before = new InstanceRows(
                        row,
                        QueryList($"SELECT {ElementColumns} FROM bpm_element_instances WHERE instance_key = @p0", ReadElement, row.Key),
                        QueryList($"SELECT {VariableColumns} FROM bpm_variables WHERE instance_key = @p0", ReadVariable, row.Key));
                }
            }

            WriteDiff(ProcessInstanceRows.Diff(before, after));
            written.Add((row.Key, row.Version, after, row.State != Crm.Bpm.Engine.Runtime.Instances.ProcessInstanceState.Active));
        }

        foreach (var (key, job) in changes.Jobs.Items)
        {
            WriteJob(key, job);
        }

        foreach (var (key, task) in changes.UserTasks.Items)
        {
            WriteTask(key, task);
        }

        foreach (var (key, timer) in changes.Timers.Items)
        {
            WriteTimer(key, timer);
        }

        foreach (var (key, subscription) in changes.Subscriptions.Items)
        {
            WriteSubscription(key, subscription);
        }

        foreach (var (key, message) in changes.Messages.Items)
        {
            WriteMessage(key, message);
        }

        foreach (var (key, incident) in changes.Incidents.Items)
        {
            WriteIncident(key, incident);
        }

        WriteHistory(changes.History);
    }

    // The nullable values are cast: in INSERT ... SELECT a NULL parameter has no column to take its type from.
    private const string LatestInstanceInsert =
        "INSERT INTO bpm_process_instances (instance_key, definition_key, bpmn_process_id, state, version, parent_instance_key, parent_element_instance_key, start_time, end_time, data) " +
        "SELECT @p0, @p1, @p2, @p3, @p4, CAST(@p5 AS bigint), CAST(@p6 AS bigint), @p7, CAST(@p8 AS bigint), @p9 " +
        "WHERE NOT EXISTS (SELECT 1 FROM bpm_definitions WHERE bpmn_process_id = @p2 AND version > @p10)";

    private void WriteDiff(InstanceRowDiff diff)
    {
        foreach (var e in diff.RemovedElements)
        {
            Queue("DELETE FROM bpm_element_instances WHERE element_instance_key = @p0", [e.Key]);
        }

        foreach (var e in diff.AddedElements)
        {
            Insert("INSERT INTO bpm_element_instances (element_instance_key, instance_key, parent_key, element_id, state, data) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)",
                e.Key, e.ProcessInstanceKey, e.ParentKey, e.ElementId, (int)e.State, e.Data);
        }

        foreach (var e in diff.ChangedElements)
        {
            Queue("UPDATE bpm_element_instances SET parent_key = @p0, state = @p1, data = @p2 WHERE element_instance_key = @p3", [e.ParentKey, (int)e.State, e.Data, e.Key]);
        }

        foreach (var v in diff.RemovedVariables)
        {
            Queue("DELETE FROM bpm_variables WHERE scope_key = @p0 AND name = @p1", [v.ScopeKey, v.Name]);
        }

        foreach (var v in diff.AddedVariables)
        {
            Insert("INSERT INTO bpm_variables (instance_key, scope_key, name, value) VALUES (@p0, @p1, @p2, @p3)", v.ProcessInstanceKey, v.ScopeKey, v.Name, v.Value);
        }

        foreach (var v in diff.ChangedVariables)
        {
            Queue("UPDATE bpm_variables SET value = @p0 WHERE scope_key = @p1 AND name = @p2", [v.Value, v.ScopeKey, v.Name]);
        }
    }

    /// <summary>Whether the row existed when the command read it: then its change must hit exactly that row.</summary>
    private bool Existed(long key) => _read.ContainsKey(key);

    private void WriteJob(long key, JobRecord? job)
    {
        if (job is null)
        {
            Delete("DELETE FROM bpm_jobs WHERE job_key = @p0", key, "job");
            return;
        }

        object?[] values = [job.Type, job.ProcessInstanceKey, job.ElementInstanceKey, job.ElementId, job.BpmnProcessId, job.ProcessDefinitionKey, job.Retries, (int)job.State,
            job.ErrorMessage, Ticks.Of(job.RetryAfter), job.Worker, Ticks.Of(job.Deadline), RecordJson.Headers(job.CustomHeaders), RecordJson.Variables(job.Variables), Ticks.Of(job.CreatedAt), key];
        if (Existed(key))
        {
            Update("UPDATE bpm_jobs SET job_type = @p0, instance_key = @p1, element_instance_key = @p2, element_id = @p3, bpmn_process_id = @p4, definition_key = @p5, retries = @p6, state = @p7, error_message = @p8, retry_after = @p9, worker = @p10, deadline = @p11, custom_headers = @p12, variables = @p13, created_at = @p14 WHERE job_key = @p15", values, key, "job");
        }
        else
        {
            Insert("INSERT INTO bpm_jobs (job_type, instance_key, element_instance_key, element_id, bpmn_process_id, definition_key, retries, state, error_message, retry_after, worker, deadline, custom_headers, variables, created_at, job_key) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15)", values);
        }
    }

    private void WriteTask(long key, UserTaskRecord? task)
    {
        var existed = Existed(key);
        if (existed)
        {
            Queue("DELETE FROM bpm_task_candidates WHERE task_key = @p0", [key]);
        }

        if (task is null)
        {
            Delete("DELETE FROM bpm_user_tasks WHERE task_key = @p0", key, "user task");
            return;
        }

        object?[] values = [task.ProcessInstanceKey, task.ElementInstanceKey, task.ElementId, task.BpmnProcessId, task.ProcessDefinitionKey, task.Name, task.Assignee,
            RecordJson.List(task.CandidateUsers), RecordJson.List(task.CandidateGroups), Ticks.Of(task.DueDate), Ticks.Of(task.FollowUpDate), task.Priority, task.FormKey,
            RecordJson.Variables(task.Variables), Ticks.Of(task.CreatedAt), key];
        if (existed)
        {
            Update("UPDATE bpm_user_tasks SET instance_key = @p0, element_instance_key = @p1, element_id = @p2, bpmn_process_id = @p3, definition_key = @p4, name = @p5, assignee = @p6, candidate_users = @p7, candidate_groups = @p8, due_date = @p9, follow_up_date = @p10, priority = @p11, form_key = @p12, variables = @p13, created_at = @p14 WHERE task_key = @p15", values, key, "user task");
        }
        else
        {
            Insert("INSERT INTO bpm_user_tasks (instance_key, element_instance_key, element_id, bpmn_process_id, definition_key, name, assignee, candidate_users, candidate_groups, due_date, follow_up_date, priority, form_key, variables, created_at, task_key) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15)", values);
        }

        WriteCandidates(task);
    }

    private static readonly MultiRowInsert CandidateInsert = new("INSERT INTO bpm_task_candidates (task_key, candidate_kind, candidate, due_sort) VALUES ", columns: 4, maxRows: 32);

    /// <summary>Queues the task's assignee, candidate users and candidate groups with its due date (TaskCandidateRow), as multi-row INSERTs: one statement for a usual task.</summary>
    private void WriteCandidates(UserTaskRecord task)
    {
        var statements = CandidateInsert.Statements(Tables.TaskCandidateRow.Of(task), static (row, values, o) =>
        {
            values[o] = row.TaskKey;
            values[o + 1] = row.CandidateKind;
            values[o + 2] = row.Candidate;
            values[o + 3] = row.DueSort;
        });
        foreach (var (sql, values) in statements)
        {
            Insert(sql, values);
        }
    }

    private void WriteTimer(long key, TimerRecord? timer)
    {
        if (timer is null)
        {
            Delete("DELETE FROM bpm_timers WHERE timer_key = @p0", key, "timer");
            return;
        }

        object?[] values = [timer.ProcessInstanceKey, timer.ElementInstanceKey, timer.ElementId, timer.BpmnProcessId, timer.ProcessDefinitionKey, Ticks.Of(timer.DueDate),
            timer.Repetitions, timer.Interval, timer.Cron, timer.LockOwner, Ticks.Of(timer.LockedUntil), key];
        if (Existed(key))
        {
            // A cycle's next repetition: also check the due date read, so two servers firing the same repetition cannot both win.
            var due = _read[key] is TimerRecord read ? Ticks.Of(read.DueDate) : Ticks.Of(timer.DueDate);
            Update("UPDATE bpm_timers SET instance_key = @p0, element_instance_key = @p1, element_id = @p2, bpmn_process_id = @p3, definition_key = @p4, due_date = @p5, repetitions = @p6, interval_text = @p7, cron = @p8, lock_owner = @p9, locked_until = @p10 WHERE timer_key = @p11 AND due_date = @p12", [.. values, due], key, "timer");
        }
        else
        {
            Insert("INSERT INTO bpm_timers (instance_key, element_instance_key, element_id, bpmn_process_id, definition_key, due_date, repetitions, interval_text, cron, lock_owner, locked_until, timer_key) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11)", values);
        }
    }

    private void WriteSubscription(long key, EventSubscriptionRecord? subscription)
    {
        if (subscription is null)
        {
            Delete("DELETE FROM bpm_subscriptions WHERE subscription_key = @p0", key, "subscription");
            return;
        }

        object?[] values = [(int)subscription.Kind, subscription.Name, subscription.CorrelationKey, subscription.ProcessInstanceKey, subscription.ElementInstanceKey, subscription.ElementId,
            subscription.BpmnProcessId, subscription.ProcessDefinitionKey, subscription.Interrupting, key];
        if (Existed(key))
        {
            Update("UPDATE bpm_subscriptions SET kind = @p0, name = @p1, correlation_key = @p2, instance_key = @p3, element_instance_key = @p4, element_id = @p5, bpmn_process_id = @p6, definition_key = @p7, interrupting = @p8 WHERE subscription_key = @p9", values, key, "subscription");
        }
        else
        {
            Insert("INSERT INTO bpm_subscriptions (kind, name, correlation_key, instance_key, element_instance_key, element_id, bpmn_process_id, definition_key, interrupting, subscription_key) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)", values);
        }
    }

    private void WriteMessage(long key, BufferedMessage? message)
    {
        if (message is null)
        {
            Delete("DELETE FROM bpm_buffered_messages WHERE message_key = @p0", key, "buffered message");
            return;
        }

        object?[] values = [message.Name, message.CorrelationKey, RecordJson.Variables(message.Variables), Ticks.Of(message.ExpiresAt), message.MessageId, key];
        if (Existed(key))
        {
            Update("UPDATE bpm_buffered_messages SET name = @p0, correlation_key = @p1, variables = @p2, expires_at = @p3, message_id = @p4 WHERE message_key = @p5", values, key, "buffered message");
        }
        else
        {
            Insert("INSERT INTO bpm_buffered_messages (name, correlation_key, variables, expires_at, message_id, message_key) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", values);
        }
    }

    private void WriteIncident(long key, IncidentRecord? incident)
    {
        if (incident is null)
        {
            Delete("DELETE FROM bpm_incidents WHERE incident_key = @p0", key, "incident");
            return;
        }

        object?[] values = [(int)incident.Type, incident.Message, incident.ProcessInstanceKey, incident.ElementInstanceKey, incident.ElementId, incident.BpmnProcessId, incident.JobKey, Ticks.Of(incident.CreatedAt), key];
        if (Existed(key))
        {
            Update("UPDATE bpm_incidents SET incident_type = @p0, message = @p1, instance_key = @p2, element_instance_key = @p3, element_id = @p4, bpmn_process_id = @p5, job_key = @p6, created_at = @p7 WHERE incident_key = @p8", values, key, "incident");
        }
        else
        {
            Insert("INSERT INTO bpm_incidents (incident_type, message, instance_key, element_instance_key, element_id, bpmn_process_id, job_key, created_at, incident_key) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)", values);
        }
    }

    private static readonly MultiRowInsert HistoryInsert = new($"INSERT INTO bpm_history ({HistoryColumns}) VALUES ", columns: HistoryColumnCount, maxRows: 64);

    private const int HistoryColumnCount = 16;

    /// <summary>Queues the events as one statement per commit (typed arrays, JSON rows, or multi-row INSERTs of up to 64 rows each), not one per event.</summary>
    private void WriteHistory(List<HistoryEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        if (_historyArrayInsert.Value is { } arrayInsert)
        {
            Queue(arrayInsert, HistoryArrays(events));
            return;
        }

        if (_historyJsonInsert.Value is { } jsonInsert)
        {
            Queue(jsonInsert, [HistoryJson(events)]);
            return;
        }

        foreach (var (sql, values) in HistoryInsert.Statements(events, HistoryRow))
        {
            Queue(sql, values);
        }
    }

    /// <summary>Puts an event's column values at <paramref name="o"/>, in the order of <see cref="HistoryColumns"/> and <see cref="HistoryColumnKinds"/>: the one list of them.</summary>
    private static void HistoryRow(HistoryEvent e, object?[] values, int o)
    {
        values[o] = e.Key;
        values[o + 1] = Ticks.Of(e.Time);
        values[o + 2] = (int)e.Kind;
        values[o + 3] = e.ProcessInstanceKey;
        values[o + 4] = e.ProcessDefinitionKey;
        values[o + 5] = e.BpmnProcessId;
        values[o + 6] = e.ElementId;
        values[o + 7] = e.ElementInstanceKey;
        values[o + 8] = e.ElementType;
        values[o + 9] = e.VariableName;
        values[o + 10] = e.Value;
        values[o + 11] = e.ScopeKey;
        values[o + 12] = e.TaskKey;
        values[o + 13] = e.IncidentKey;
        values[o + 14] = e.JobKey;
        values[o + 15] = e.Detail;
    }

    /// <summary>The events as one typed array per history column (<c>bigint</c>: long[], <c>int</c>: int[], <c>text</c>: string[]).</summary>
    private static object?[] HistoryArrays(List<HistoryEvent> events)
    {
        var n = events.Count;
        var columns = new object?[HistoryColumnCount];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = HistoryColumnKinds[c].Kind switch
            {
                "bigint" => new long[n],
                "int" => new int[n],
                _ => new string?[n],
            };
        }

        var row = new object?[HistoryColumnCount];
        for (var i = 0; i < n; i++)
        {
            HistoryRow(events[i], row, 0);
            for (var c = 0; c < row.Length; c++)
            {
                switch (columns[c])
                {
                    case long[] longs:
                        longs[i] = (long)row[c]!;
                        break;
                    case int[] ints:
                        ints[i] = (int)row[c]!;
                        break;
                    case string?[] texts:
                        texts[i] = (string?)row[c];
                        break;
                }
            }
        }

        return columns;
    }

    /// <summary>The events as a JSON array of rows, each an array of the column values.</summary>
    private static string HistoryJson(List<HistoryEvent> events)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(events.Count * 160);
        var row = new object?[HistoryColumnCount];
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var e in events)
            {
                HistoryRow(e, row, 0);
                w.WriteStartArray();
                foreach (var value in row)
                {
                    switch (value)
                    {
                        case long number:
                            w.WriteNumberValue(number);
                            break;
                        case int number:
                            w.WriteNumberValue(number);
                            break;
                        case string text:
                            w.WriteStringValue(text);
                            break;
                        default:
                            w.WriteNullValue();
                            break;
                    }
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private int Execute(string sql, params object?[] values)
    {
        var command = Command(sql, values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            Set(command, i, values[i]);
        }

        return command.ExecuteNonQuery();
    }

    /// <summary>Queues an insert; a row with the same key already there (another server wrote it first) fails the flush as a conflict.</summary>
    private void Insert(string sql, params object?[] values) => Queue(sql, values);

    private void Update(string sql, object?[] values, long key, string what) =>
        Queue(sql, values, $"The {what} {key} changed or vanished since it was read; another command got there first.");

    private void Delete(string sql, long key, string what) =>
        // A row the command itself created and removed again never reached the database: nothing to check.
        Queue(sql, [key], Existed(key) ? $"The {what} {key} vanished since it was read; another command got there first." : null);

    /// <summary>Queues a write of the commit; <paramref name="mustHitOne"/> is the conflict message when it must change exactly one row.</summary>
    private void Queue(string sql, object?[] values, string? mustHitOne = null) => _pending.Add(new PendingWrite(sql, values, mustHitOne));

    /// <summary>Sends the queued writes: as one batch (one round trip) where the dialect prefers it, else one prepared command each.</summary>
    private void Flush()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        try
        {
            var connection = Connection();
            // Many writes (a batch of commands) go as one batch where the driver has them, whatever the dialect prefers.
            if (_pending.Count > 1 && (_dialect.PreferBatches || _pending.Count >= ManyWrites) && connection.CanCreateBatch)
            {
                using var batch = PendingBatch(connection, static write => write.Sql);
                batch.Transaction = _transaction;
                batch.ExecuteNonQuery();
                for (var i = 0; i < _pending.Count; i++)
                {
                    Check(_pending[i], batch.BatchCommands[i].RecordsAffected);
                }
            }
            else
            {
                foreach (var write in _pending)
                {
                    Check(write, Execute(write.Sql, write.Values));
                }
            }
        }
        catch (Exception e) when (_dialect.IsUniqueViolation(e))
        {
            throw new StoreConcurrencyException($"Another command wrote the same row first: {e.Message}", e);
        }
        finally
        {
            _pending.Clear();
        }
    }

    /// <summary>
    /// Sends the queued writes as one batch outside any explicit transaction, which the server runs as one transaction
    /// (see <see cref="Database.DatabaseDialect.CommitsBatchesImplicitly"/>); a write that must change one row fails on the server
    /// otherwise, and the whole batch with it.
    /// </summary>
    private void FlushImplicitly()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        using var batch = PendingBatch(Connection(), write => write.MustHitOne is null ? write.Sql : _dialect.FailUnlessOneRow(write.Sql));

        try
        {
            // Written and read asynchronously and waited for: a synchronous batch is written from a thread-pool task
            // after its first statement (the driver's guard against deadlock), a hop for every commit.
            batch.ExecuteNonQueryAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (_dialect.IsFailedRowCheck(e, batch, out var index))
        {
            var message = index >= 0 ? _pending[index].MustHitOne : null;
            throw new StoreConcurrencyException(message ?? $"A row this command changes was changed or removed by another command first: {e.Message}", e);
        }
        catch (Exception e) when (_dialect.IsUniqueViolation(e))
        {
            throw new StoreConcurrencyException($"Another command wrote the same row first: {e.Message}", e);
        }
        finally
        {
            _pending.Clear();
        }
    }

    /// <summary>The queued writes as one batch, each with the SQL <paramref name="sqlOf"/> gives it (in the dialect's positional form where it has one).</summary>
    private System.Data.Common.DbBatch PendingBatch(System.Data.Common.DbConnection connection, Func<PendingWrite, string> sqlOf)
    {
        var batch = connection.CreateBatch();
        foreach (var write in _pending)
        {
            var command = batch.CreateBatchCommand();
            var sql = sqlOf(write);
            var positional = _dialect.PositionalBatchSql(sql);
            command.CommandText = positional ?? sql;
            for (var i = 0; i < write.Values.Length; i++)
            {
                var parameter = command.CreateParameter();
                if (positional is null)
                {
                    parameter.ParameterName = "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                parameter.Value = write.Values[i] ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(command);
        }

        return batch;
    }

    /// <summary>How many queued writes make one batch worth its client-side cost even where single prepared commands are preferred.</summary>
    private const int ManyWrites = 16;

    private static void Check(PendingWrite write, int affected)
    {
        if (write.MustHitOne is { } message && affected != 1)
        {
            throw new StoreConcurrencyException(message);
        }
    }

    private readonly record struct PendingWrite(string Sql, object?[] Values, string? MustHitOne);
}
