namespace Crm.Bpm.Persistence.Entities.Tables;

/// <summary>A role in <c>crm_roles</c>.</summary>
public sealed class RoleRow
{
    public string Name { get; set; } = "";

    public string? Description { get; set; }
}
