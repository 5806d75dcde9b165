namespace Crm.Bpm.Persistence.Entities.Tables;

/// <summary>A CRM user in <c>crm_users</c>.</summary>
public sealed class UserRow
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public bool IsAdministrator { get; set; }
}
