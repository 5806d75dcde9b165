namespace Crm.Bpm.Persistence.Entities.Tables;

/// <summary>An explicit right on one record for a user or role, in <c>crm_record_grants</c>.</summary>
public sealed class RecordGrantRow
{
    public string RecordId { get; set; } = "";

    public int GranteeKind { get; set; }

    public string Grantee { get; set; } = "";

    public string Entity { get; set; } = "";

    public bool CanRead { get; set; }

    public bool CanUpdate { get; set; }

    public bool CanDelete { get; set; }
}
