namespace Crm.Bpm.Engine.Runtime.History;

/// <summary>Which history events to read, by key order after <see cref="AfterKey"/>, one page at a time.</summary>
public sealed record HistoryQuery
{
    public long? ProcessInstanceKey { get; init; }

    public string? BpmnProcessId { get; init; }

    public HistoryEventKind? Kind { get; init; }

    /// <summary>Events at or after this time, or null.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Events before this time, or null.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only events with a greater key (keyset paging: pass the last key of the previous page).</summary>
    public long AfterKey { get; init; }

    public int PageSize { get; init; } = 100;
}
