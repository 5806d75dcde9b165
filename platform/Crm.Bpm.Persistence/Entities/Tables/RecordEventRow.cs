namespace Crm.Bpm.Persistence.Entities.Tables;

/// <summary>One outbox row in <c>crm_record_events</c>, pending until a consumer marks it processed.</summary>
public sealed class RecordEventRow
{
    public long Id { get; set; }

    public string Entity { get; set; } = "";

    public string RecordId { get; set; } = "";

    public int Kind { get; set; }

    /// <summary>The changed field names as a JSON array.</summary>
    public string ChangedFields { get; set; } = "[]";

    public string Snapshot { get; set; } = "{}";

    public string? UserId { get; set; }

    public DateTime OccurredOn { get; set; }

    public DateTime? ProcessedOn { get; set; }

    public string? LockedBy { get; set; }

    public DateTime? LockedUntil { get; set; }
}
