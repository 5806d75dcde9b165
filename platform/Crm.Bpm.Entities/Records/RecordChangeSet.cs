using Crm.Bpm.Entities.Access;
using Crm.Bpm.Entities.Events;

namespace Crm.Bpm.Entities.Records;

/// <summary>Everything one record command writes, committed by the store in one transaction or not at all.</summary>
public sealed class RecordChangeSet
{
    public List<RecordWrite> Writes { get; } = [];

    public List<ChangeLogEntry> ChangeLog { get; } = [];

    /// <summary>The outbox rows, written in the same transaction as the records.</summary>
    public List<RecordEvent> Events { get; } = [];

    public List<RecordGrant> Grants { get; } = [];

    public bool IsEmpty => Writes.Count == 0 && Grants.Count == 0;
}
