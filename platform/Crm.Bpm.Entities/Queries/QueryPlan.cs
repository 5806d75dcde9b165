using Crm.Bpm.Entities.Schemas;

namespace Crm.Bpm.Entities.Queries;

/// <summary>A query checked against the schema and the user's rights, ready for a store to run.</summary>
public sealed record QueryPlan
{
    public required EntitySchema Schema { get; init; }

    public IReadOnlyList<PlannedFilter> Filters { get; init; } = [];

    /// <summary>The sort keys; the store breaks ties by record id, ascending.</summary>
    public IReadOnlyList<PlannedSort> Sort { get; init; } = [];

    public int PageSize { get; init; } = 50;

    /// <summary>The sort values and id of the last record of the previous page, or null.</summary>
    public QueryCursor? After { get; init; }

    /// <summary>The lower-cased search words, each required in the search text.</summary>
    public IReadOnlyList<string> SearchWords { get; init; } = [];

    /// <summary>The record-rights restriction, or null when the user may read every record.</summary>
    public RecordAccessFilter? Access { get; init; }

    public IReadOnlyList<LookupDisplay> LookupDisplays { get; init; } = [];
}
