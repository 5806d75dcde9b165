namespace Crm.Bpm.Entities.Records;

/// <summary>Whether a record was created, updated or deleted.</summary>
public enum RecordChangeKind
{
    Created,
    Updated,
    Deleted,
}
