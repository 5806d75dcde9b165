using Crm.Bpm.Entities.Records;

namespace Crm.Bpm.Entities.Events;

/// <summary>An outbox row: a record was created, updated or deleted, with the fields that changed and the record as it is afterwards.</summary>
/// <remarks>
/// <para><c>Id</c>: Increasing position in the outbox, assigned by the store (0 before it is written).</para>
/// <para><c>Snapshot</c>: The record as JSON (system fields and values); for a delete, as it was.</para>
/// </remarks>
public sealed record RecordEvent(
    long Id,
    string Entity,
    Guid RecordId,
    RecordChangeKind Kind,
    IReadOnlyList<string> ChangedFields,
    string Snapshot,
    Guid? UserId,
    DateTime OccurredOn);
