namespace Crm.Bpm.Engine.Runtime.UserTasks;

/// <summary>The rules of <see cref="UserTaskQuery"/> (who sees a task, in which order, where a page starts), shared by stores that filter in memory.</summary>
public static class UserTaskOrder
{
    /// <summary>Whether the task is one the query's user or groups may work on, in the query's instance.</summary>
    public static bool Matches(UserTaskRecord task, UserTaskQuery query)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(query);
        if (query.ProcessInstanceKey is { } instance && task.ProcessInstanceKey != instance)
        {
            return false;
        }

        if (query.User is null && query.Groups.Count == 0)
        {
            return true;
        }

        if (query.User is { } user && (task.Assignee == user || Contains(task.CandidateUsers, user)))
        {
            return true;
        }

        foreach (var group in query.Groups)
        {
            if (Contains(task.CandidateGroups, group))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the task comes after the query's keyset position (always true on the first page).</summary>
    public static bool IsAfter(UserTaskRecord task, UserTaskQuery query)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(query);
        if (query.AfterKey == 0 && query.AfterDueDate is null)
        {
            return true;
        }

        if (query.AfterDueDate is not { } after)
        {
            // The previous page ended among the tasks without a due date, which come last.
            return task.DueDate is null && task.Key > query.AfterKey;
        }

        return task.DueDate is not { } due || due > after || (due == after && task.Key > query.AfterKey);
    }

    /// <summary>Due date first (tasks without one last), then key.</summary>
    public static int Compare(UserTaskRecord? left, UserTaskRecord? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1;
        }

        var byDue = (left.DueDate, right.DueDate) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            ({ } a, { } b) => a.CompareTo(b),
        };
        return byDue != 0 ? byDue : left.Key.CompareTo(right.Key);
    }

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
