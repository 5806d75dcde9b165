namespace Crm.Bpm.Entities.Records;

/// <summary>Which change log entries to read: of an entity, optionally one record, one field, one user and a time window, oldest first after <see cref="AfterId"/>.</summary>
public sealed record ChangeLogQuery
{
    public required string Entity { get; init; }

    public Guid? RecordId { get; init; }

    public string? Field { get; init; }

    public Guid? UserId { get; init; }

    public DateTime? From { get; init; }

    public DateTime? To { get; init; }

    public long AfterId { get; init; }

    public int PageSize { get; init; } = 100;
}
