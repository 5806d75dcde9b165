using System.Buffers;
using System.Text;
using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Engine.Runtime.UserTasks;
using Crm.Bpm.Persistence.Database;
using Crm.Bpm.Persistence.Engine;
using Crm.Bpm.Persistence.Engine.Tables;

namespace Crm.Bpm.Cli.Engine;

/// <summary>The rows of a batch of commands that only created instances and user tasks, written as one multi-row INSERT per table (rows from one JSON parameter) inside the store's commit.</summary>
/// <remarks>
/// The benchmark's loader uses it instead of one statement per row: the rows are the ones <c>EfProcessStore</c> writes
/// for those commands (instance, element and variable rows of <see cref="ProcessInstanceRows.Decompose"/>, the task
/// row, <see cref="TaskCandidateRow.Of"/>), in the same columns and formats; only the statements are fewer. The task
/// query scenario checks a sample of what it loaded by reading it back through the store.
/// </remarks>
internal sealed class BulkRows : ICommitEffect
{
    private static readonly (string Name, string Kind)[] InstanceColumns =
    [
        ("instance_key", "bigint"), ("definition_key", "bigint"), ("bpmn_process_id", "text"), ("state", "int"), ("version", "int"), ("parent_instance_key", "bigint"),
        ("parent_element_instance_key", "bigint"), ("start_time", "bigint"), ("end_time", "bigint"), ("data", "text"),
    ];

    private static readonly (string Name, string Kind)[] ElementColumns =
    [
        ("element_instance_key", "bigint"), ("instance_key", "bigint"), ("parent_key", "bigint"), ("element_id", "text"), ("state", "int"), ("data", "text"),
    ];

    private static readonly (string Name, string Kind)[] VariableColumns = [("instance_key", "bigint"), ("scope_key", "bigint"), ("name", "text"), ("value", "text")];

    private static readonly (string Name, string Kind)[] TaskColumns =
    [
        ("task_key", "bigint"), ("instance_key", "bigint"), ("element_instance_key", "bigint"), ("element_id", "text"), ("bpmn_process_id", "text"), ("definition_key", "bigint"),
        ("name", "text"), ("assignee", "text"), ("candidate_users", "text"), ("candidate_groups", "text"), ("due_date", "bigint"), ("follow_up_date", "bigint"),
        ("priority", "int"), ("form_key", "text"), ("variables", "text"), ("created_at", "bigint"),
    ];

    private static readonly (string Name, string Kind)[] CandidateColumns = [("task_key", "bigint"), ("candidate_kind", "int"), ("candidate", "text"), ("due_sort", "bigint")];

    private readonly List<(string Sql, string Rows)> _statements = [];

    private BulkRows()
    {
    }

    /// <summary>The batch as bulk rows, or null when it holds anything else than new instances and new user tasks, or the database cannot take rows as JSON.</summary>
    public static BulkRows? Of(StoreChanges batch, DatabaseDialect dialect)
    {
        if (batch.Definitions.Count > 0 || batch.Jobs.Count > 0 || batch.Timers.Count > 0 || batch.Subscriptions.Count > 0 || batch.Messages.Count > 0
            || batch.Incidents.Count > 0 || batch.History.Count > 0 || batch.Effects.Count > 0 || batch.Instances.Any(i => i.ExpectedVersion != 0)
            || batch.UserTasks.Items.Values.Any(t => t is null) || dialect.InsertJsonRows("bpm_user_tasks", TaskColumns) is null)
        {
            return null;
        }

        using var instances = new Rows();
        using var elements = new Rows();
        using var variables = new Rows();
        foreach (var (instance, _) in batch.Instances)
        {
            var rows = ProcessInstanceRows.Decompose(instance);
            var i = rows.Instance;
            instances.Add(w =>
            {
                w.WriteNumberValue(i.Key);
                w.WriteNumberValue(i.ProcessDefinitionKey);
                w.WriteStringValue(i.BpmnProcessId);
                w.WriteNumberValue((int)i.State);
                w.WriteNumberValue(i.Version);
                w.WriteNumberValue(i.ParentInstanceKey);
                w.WriteNumberValue(i.ParentElementInstanceKey);
                w.WriteNumberValue(i.StartTime.UtcTicks);
                Ticks(w, i.EndTime);
                w.WriteStringValue(i.Data);
            });
            foreach (var e in rows.Elements)
            {
                elements.Add(w =>
                {
                    w.WriteNumberValue(e.Key);
                    w.WriteNumberValue(e.ProcessInstanceKey);
                    w.WriteNumberValue(e.ParentKey);
                    w.WriteStringValue(e.ElementId);
                    w.WriteNumberValue((int)e.State);
                    w.WriteStringValue(e.Data);
                });
            }

            foreach (var v in rows.Variables)
            {
                variables.Add(w =>
                {
                    w.WriteNumberValue(v.ProcessInstanceKey);
                    w.WriteNumberValue(v.ScopeKey);
                    w.WriteStringValue(v.Name);
                    w.WriteStringValue(v.Value);
                });
            }
        }

        using var tasks = new Rows();
        using var candidates = new Rows();
        foreach (var task in batch.UserTasks.Items.Values)
        {
            tasks.Add(w => WriteTask(w, task!));
            foreach (var c in TaskCandidateRow.Of(task!))
            {
                candidates.Add(w =>
                {
                    w.WriteNumberValue(c.TaskKey);
                    w.WriteNumberValue(c.CandidateKind);
                    w.WriteStringValue(c.Candidate);
                    w.WriteNumberValue(c.DueSort);
                });
            }
        }

        var bulk = new BulkRows();
        bulk.Add(dialect, "bpm_process_instances", InstanceColumns, instances);
        bulk.Add(dialect, "bpm_element_instances", ElementColumns, elements);
        bulk.Add(dialect, "bpm_variables", VariableColumns, variables);
        bulk.Add(dialect, "bpm_user_tasks", TaskColumns, tasks);
        bulk.Add(dialect, "bpm_task_candidates", CandidateColumns, candidates);
        return bulk;
    }

    /// <summary>Runs the INSERTs on the commit's connection, in its transaction.</summary>
    public void Apply(CommitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = context.Connection ?? throw new InvalidOperationException("Bulk rows need a database store.");
        foreach (var (sql, rows) in _statements)
        {
            using var command = connection.CreateCommand();
            command.Transaction = context.Transaction;
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "p0";
            parameter.Value = rows;
            command.Parameters.Add(parameter);
            command.ExecuteNonQuery();
        }
    }

    private void Add(DatabaseDialect dialect, string table, (string Name, string Kind)[] columns, Rows rows)
    {
        if (rows.Count > 0)
        {
            _statements.Add((dialect.InsertJsonRows(table, columns)!, rows.ToJson()));
        }
    }

    private static void WriteTask(Utf8JsonWriter w, UserTaskRecord task)
    {
        w.WriteNumberValue(task.Key);
        w.WriteNumberValue(task.ProcessInstanceKey);
        w.WriteNumberValue(task.ElementInstanceKey);
        w.WriteStringValue(task.ElementId);
        w.WriteStringValue(task.BpmnProcessId);
        w.WriteNumberValue(task.ProcessDefinitionKey);
        Text(w, task.Name);
        Text(w, task.Assignee);
        w.WriteStringValue(RecordJson.List(task.CandidateUsers));
        w.WriteStringValue(RecordJson.List(task.CandidateGroups));
        Ticks(w, task.DueDate);
        Ticks(w, task.FollowUpDate);
        w.WriteNumberValue(task.Priority);
        Text(w, task.FormKey);
        w.WriteStringValue(RecordJson.Variables(task.Variables));
        w.WriteNumberValue(task.CreatedAt.UtcTicks);
    }

    private static void Text(Utf8JsonWriter w, string? value)
    {
        if (value is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteStringValue(value);
        }
    }

    private static void Ticks(Utf8JsonWriter w, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            w.WriteNumberValue(t.UtcTicks);
        }
        else
        {
            w.WriteNullValue();
        }
    }

    /// <summary>A JSON array of rows, each an array of column values.</summary>
    private sealed class Rows : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(4096);
        private readonly Utf8JsonWriter _writer;

        public Rows()
        {
            _writer = new Utf8JsonWriter(_buffer);
            _writer.WriteStartArray();
        }

        public int Count { get; private set; }

        public void Add(Action<Utf8JsonWriter> row)
        {
            _writer.WriteStartArray();
            row(_writer);
            _writer.WriteEndArray();
            Count++;
        }

        public string ToJson()
        {
            _writer.WriteEndArray();
            _writer.Flush();
            return Encoding.UTF8.GetString(_buffer.WrittenSpan);
        }

        public void Dispose() => _writer.Dispose();
    }
}
