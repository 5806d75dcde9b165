using Crm.Bpm.Engine.Runtime.UserTasks;

namespace Crm.Bpm.Persistence.Engine.Tables;

/// <summary>One person or group who may work on an open user task (candidate user, candidate group or assignee), with the task's due date, as stored in <c>bpm_task_candidates</c> for the task query.</summary>
/// <remarks>
/// The task query reads, for the user and each of their groups, the first rows of the index
/// <c>(candidate_kind, candidate, due_sort, task_key)</c>: already in the query's order, so it never sorts all open
/// tasks. The rows are rewritten whenever the task is (assignee, candidates and due date stay in step).
/// </remarks>
public sealed class TaskCandidateRow
{
    /// <summary>The kind of a candidate user.</summary>
    public const int UserKind = 0;

    /// <summary>The kind of a candidate group.</summary>
    public const int GroupKind = 1;

    /// <summary>The kind of the assignee.</summary>
    public const int AssigneeKind = 2;

    /// <summary>The due-sort value of a task without a due date: after every real due date (UserTaskOrder: none last).</summary>
    public const long NoDueDate = long.MaxValue;

    public long TaskKey { get; set; }

    /// <summary><see cref="UserKind"/>, <see cref="GroupKind"/> or <see cref="AssigneeKind"/>.</summary>
    public int CandidateKind { get; set; }

    public string Candidate { get; set; } = "";

    /// <summary>The task's due date in UTC ticks, or <see cref="NoDueDate"/> when it has none.</summary>
    public long DueSort { get; set; }

    /// <summary>The due-sort value of a due date.</summary>
    public static long DueSortOf(DateTimeOffset? dueDate) => dueDate is { } due ? due.UtcTicks : NoDueDate;

    /// <summary>The rows of a task: its assignee, then each distinct candidate user and candidate group, in their order.</summary>
    public static IReadOnlyList<TaskCandidateRow> Of(UserTaskRecord task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var due = DueSortOf(task.DueDate);
        var rows = new List<TaskCandidateRow>(task.CandidateUsers.Count + task.CandidateGroups.Count + 1);
        if (task.Assignee is { } assignee)
        {
            rows.Add(new TaskCandidateRow { TaskKey = task.Key, CandidateKind = AssigneeKind, Candidate = assignee, DueSort = due });
        }

        Add(rows, task, UserKind, task.CandidateUsers, due);
        Add(rows, task, GroupKind, task.CandidateGroups, due);
        return rows;
    }

    private static void Add(List<TaskCandidateRow> rows, UserTaskRecord task, int kind, IReadOnlyList<string> names, long due)
    {
        for (var i = 0; i < names.Count; i++)
        {
            // A name listed twice is one candidate (the primary key is task, kind, name).
            if (FirstIndex(names, names[i]) == i)
            {
                rows.Add(new TaskCandidateRow { TaskKey = task.Key, CandidateKind = kind, Candidate = names[i], DueSort = due });
            }
        }
    }

    private static int FirstIndex(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
