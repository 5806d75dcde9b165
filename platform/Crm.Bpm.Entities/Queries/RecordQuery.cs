namespace Crm.Bpm.Entities.Queries;

/// <summary>A request for one page of an entity's records: filters (all must hold), text search over display fields, sort keys, and the cursor of the previous page.</summary>
public sealed record RecordQuery
{
    public required string Entity { get; init; }

    public IReadOnlyList<QueryFilter> Filters { get; init; } = [];

    /// <summary>Words looked for (ignoring case) in the display field and the entity's search fields.</summary>
    public string? Search { get; init; }

    public IReadOnlyList<QuerySort> Sort { get; init; } = [];

    public int PageSize { get; init; } = 50;

    /// <summary>The <see cref="RecordPage.NextCursor"/> of the previous page (keyset paging), or null for the first page.</summary>
    public string? After { get; init; }
}
