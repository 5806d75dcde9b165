namespace Crm.Bpm.Persistence.Entities.Tables;

/// <summary>A role's operation rights on an entity, in <c>crm_operation_rights</c>.</summary>
public sealed class OperationRightRow
{
    public string Entity { get; set; } = "";

    public string Role { get; set; } = "";

    public bool CanCreate { get; set; }

    public bool CanRead { get; set; }

    public bool CanUpdate { get; set; }

    public bool CanDelete { get; set; }
}
