namespace Crm.Bpm.Persistence.Entities.Tables;

/// <summary>A role's access to a field, in <c>crm_field_rights</c>; the empty role is the default for users none of whose roles is listed.</summary>
public sealed class FieldRightRow
{
    public string Entity { get; set; } = "";

    public string Field { get; set; } = "";

    public string Role { get; set; } = "";

    public int Access { get; set; }
}
