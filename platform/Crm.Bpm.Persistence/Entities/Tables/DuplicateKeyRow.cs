namespace Crm.Bpm.Persistence.Entities.Tables;

/// <summary>A record's normalised key under one duplicate rule, in <c>crm_duplicate_keys</c>.</summary>
public sealed class DuplicateKeyRow
{
    public long Id { get; set; }

    public string Entity { get; set; } = "";

    public string Rule { get; set; } = "";

    public string Key { get; set; } = "";

    public string RecordId { get; set; } = "";
}
