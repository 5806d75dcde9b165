namespace Crm.Bpm.Persistence.Entities.Tables;

/// <summary>A user's membership of a role, in <c>crm_user_roles</c>.</summary>
public sealed class UserRoleRow
{
    public string UserId { get; set; } = "";

    public string Role { get; set; } = "";
}
