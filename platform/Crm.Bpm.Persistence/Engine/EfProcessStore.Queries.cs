using System.Globalization;
using System.Text;
using Crm.Bpm.Engine.Runtime.History;
using Crm.Bpm.Engine.Runtime.UserTasks;

namespace Crm.Bpm.Persistence.Engine;

public sealed partial class EfProcessStore
{
    private const string HistoryColumns = "event_key, event_time, kind, instance_key, definition_key, bpmn_process_id, element_id, element_instance_key, element_type, variable_name, value, scope_key, task_key, incident_key, job_key, detail";

    /// <inheritdoc/>
    public IReadOnlyList<UserTaskRecord> QueryUserTasks(UserTaskQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize <= 0)
        {
            return [];
        }

        if (query.ProcessInstanceKey is null && (query.User is not null || query.Groups.Count > 0))
        {
            return QueryTasksOfPeople(query);
        }

        // Without a user or groups (all open tasks, or those of one instance) the task table's own indexes serve.
        var where = new StringBuilder("1 = 1");
        var arguments = new List<object?> { query.PageSize };
        string P(object? value)
        {
            arguments.Add(value);
            return "@p" + (arguments.Count - 1).ToString(CultureInfo.InvariantCulture);
        }

        if (query.ProcessInstanceKey is { } instance)
        {
            where.Append(" AND t.instance_key = ").Append(P(instance));
        }

        if (query.User is not null || query.Groups.Count > 0)
        {
            var who = new List<string>();
            if (query.User is { } user)
            {
                var name = P(user);
                who.Add($"t.assignee = {name}");
                who.Add($"EXISTS (SELECT 1 FROM bpm_task_candidates c WHERE c.task_key = t.task_key AND c.candidate_kind = 0 AND c.candidate = {name})");
            }

            if (query.Groups.Count > 0)
            {
                var groups = string.Join(", ", query.Groups.Select(P));
                who.Add($"EXISTS (SELECT 1 FROM bpm_task_candidates c WHERE c.task_key = t.task_key AND c.candidate_kind = 1 AND c.candidate IN ({groups}))");
            }

            where.Append(" AND (").AppendJoin(" OR ", who).Append(')');
        }

        // Keyset paging in the order due date (none last), key: see UserTaskOrder.IsAfter.
        if (query.AfterDueDate is { } afterDue)
        {
            var due = P(Ticks.Of(afterDue));
            where.Append($" AND (t.due_date IS NULL OR t.due_date > {due} OR (t.due_date = {due} AND t.task_key > {P(query.AfterKey)}))");
        }
        else if (query.AfterKey != 0)
        {
            where.Append($" AND t.due_date IS NULL AND t.task_key > {P(query.AfterKey)}");
        }

        var columns = string.Join(", ", TaskColumns.Split(", ").Select(c => "t." + c));
        var sql = $"SELECT {_dialect.Top("@p0")}{columns} FROM bpm_user_tasks t WHERE {where} ORDER BY CASE WHEN t.due_date IS NULL THEN 1 ELSE 0 END, t.due_date, t.task_key{_dialect.Limit("@p0")}";
        return List(sql, ReadTask, [.. arguments]);
    }

    /// <summary>The task list of a user and their groups, from the candidate rows that carry the due date (TaskCandidateRow).</summary>
    /// <remarks>
    /// Each branch (tasks assigned to the user, offering them, offering each group) is an index range of
    /// <c>ix_bpm_task_candidates_due</c> already in the page's order, so it yields its first page-size rows without
    /// sorting; the branches' rows are merged, a task named by several branches counted once, and only the page's task
    /// rows are read. Keyset paging starts every branch after (due, key); see UserTaskOrder.IsAfter.
    /// </remarks>
    private List<UserTaskRecord> QueryTasksOfPeople(UserTaskQuery query)
    {
        var arguments = new List<object?> { query.PageSize };
        string P(object? value)
        {
            arguments.Add(value);
            return "@p" + (arguments.Count - 1).ToString(CultureInfo.InvariantCulture);
        }

        var after = "";
        if (query.AfterDueDate is not null || query.AfterKey != 0)
        {
            var due = P(Tables.TaskCandidateRow.DueSortOf(query.AfterDueDate));
            var key = P(query.AfterKey);
            // The range starts at the due value (an index seek on every provider; SQL Server has no row values).
            after = $" AND c.due_sort >= {due} AND (c.due_sort > {due} OR c.task_key > {key})";
        }

        var branches = new List<string>();
        void Branch(int kind, string name) => branches.Add(
            $"SELECT * FROM (SELECT {_dialect.Top("@p0")}c.task_key, c.due_sort FROM bpm_task_candidates c WHERE c.candidate_kind = {kind} AND c.candidate = {name}{after} ORDER BY c.due_sort, c.task_key{_dialect.Limit("@p0")}) b{branches.Count}");
        if (query.User is { } user)
        {
            var name = P(user);
            Branch(Tables.TaskCandidateRow.AssigneeKind, name);
            Branch(Tables.TaskCandidateRow.UserKind, name);
        }

        foreach (var group in query.Groups.Distinct(StringComparer.Ordinal))
        {
            Branch(Tables.TaskCandidateRow.GroupKind, P(group));
        }

        var columns = string.Join(", ", TaskColumns.Split(", ").Select(c => "t." + c));
        var sql = $"SELECT {columns} FROM (SELECT DISTINCT {_dialect.Top("@p0")}u.task_key, u.due_sort FROM ({string.Join(" UNION ALL ", branches)}) u ORDER BY u.due_sort, u.task_key{_dialect.Limit("@p0")}) m " +
            "JOIN bpm_user_tasks t ON t.task_key = m.task_key ORDER BY m.due_sort, m.task_key";
        return List(sql, ReadTask, [.. arguments]);
    }

    /// <inheritdoc/>
    public IReadOnlyList<HistoryEvent> QueryHistory(HistoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize <= 0)
        {
            return [];
        }

        var where = new StringBuilder("event_key > @p1");
        var arguments = new List<object?> { query.PageSize, query.AfterKey };
        string P(object? value)
        {
            arguments.Add(value);
            return "@p" + (arguments.Count - 1).ToString(CultureInfo.InvariantCulture);
        }

        if (query.ProcessInstanceKey is { } instance)
        {
            where.Append(" AND instance_key = ").Append(P(instance));
        }

        if (query.BpmnProcessId is { } process)
        {
            where.Append(" AND bpmn_process_id = ").Append(P(process));
        }

        if (query.Kind is { } kind)
        {
            where.Append(" AND kind = ").Append(P((int)kind));
        }

        if (query.From is { } from)
        {
            where.Append(" AND event_time >= ").Append(P(Ticks.Of(from)));
        }

        if (query.To is { } to)
        {
            where.Append(" AND event_time < ").Append(P(Ticks.Of(to)));
        }

        var sql = $"SELECT {_dialect.Top("@p0")}{HistoryColumns} FROM bpm_history WHERE {where} ORDER BY event_key{_dialect.Limit("@p0")}";
        return Guard(() => QueryList(sql, ReadHistory, [.. arguments]));
    }

    /// <summary>The time-to-live delete: the history of the instances whose end event is older than <c>@p0</c> (ticks).</summary>
    /// <remarks>
    /// The end-event condition is written out as the partial index <c>ix_bpm_history_ended</c> has it: a planner uses a
    /// partial index only for a query whose condition implies the index's, which parameters cannot show.
    /// </remarks>
    internal static readonly string HistoryTimeToLiveSql =
        $"DELETE FROM bpm_history WHERE instance_key IN (SELECT e.instance_key FROM bpm_history e WHERE e.{EngineDbContext.EndedFilter} AND e.event_time < @p0)";

    /// <inheritdoc/>
    /// <remarks>Removes the history events only; the ended instances' own rows stay until the engine removes them.</remarks>
    public int DeleteHistory(DateTimeOffset endedBefore) => Guard(() =>
    {
        using var transaction = _dialect.BeginWrite(Connection());
        _transaction = transaction;
        try
        {
            var deleted = Execute(HistoryTimeToLiveSql, Ticks.Of(endedBefore));
            transaction.Commit();
            return deleted;
        }
        catch
        {
            TryRollback(transaction);
            throw;
        }
        finally
        {
            _transaction = null;
        }
    });

    private static HistoryEvent ReadHistory(System.Data.Common.DbDataReader r) => new()
    {
        Key = r.GetInt64(0),
        Time = Ticks.Time(r.GetInt64(1)),
        Kind = (HistoryEventKind)r.GetInt32(2),
        ProcessInstanceKey = r.GetInt64(3),
        ProcessDefinitionKey = r.GetInt64(4),
        BpmnProcessId = r.GetString(5),
        ElementId = Text(r, 6),
        ElementInstanceKey = r.GetInt64(7),
        ElementType = Text(r, 8),
        VariableName = Text(r, 9),
        Value = Text(r, 10),
        ScopeKey = r.GetInt64(11),
        TaskKey = r.GetInt64(12),
        IncidentKey = r.GetInt64(13),
        JobKey = r.GetInt64(14),
        Detail = Text(r, 15),
    };
}
