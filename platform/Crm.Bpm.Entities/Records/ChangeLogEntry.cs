namespace Crm.Bpm.Entities.Records;

/// <summary>One field's change on one record: who changed it, when, and the value before and after (JSON, null when empty).</summary>
public sealed record ChangeLogEntry(
    long Id,
    string Entity,
    Guid RecordId,
    RecordChangeKind Kind,
    string Field,
    string? OldValue,
    string? NewValue,
    Guid? UserId,
    DateTime ChangedOn);
