namespace Crm.Bpm.Engine.Runtime.UserTasks;

/// <summary>Which open user tasks a person may work on: assigned to them, or offered to them or one of their groups; by due date (none last), then key, one page at a time.</summary>
public sealed record UserTaskQuery
{
    /// <summary>The user: tasks assigned to them or naming them a candidate; null for no user condition.</summary>
    public string? User { get; init; }

    /// <summary>The user's groups: tasks naming any of them a candidate group.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    public long? ProcessInstanceKey { get; init; }

    public int PageSize { get; init; } = 50;

    /// <summary>Keyset paging: the due date of the last task of the previous page (null when it had none).</summary>
    public DateTimeOffset? AfterDueDate { get; init; }

    /// <summary>Keyset paging: the key of the last task of the previous page, or 0 for the first page.</summary>
    public long AfterKey { get; init; }
}
