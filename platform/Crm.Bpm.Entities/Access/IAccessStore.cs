namespace Crm.Bpm.Entities.Access;

/// <summary>Where users, roles, operation rights and field rights are kept.</summary>
public interface IAccessStore
{
    CrmUser? FindUser(Guid id);

    IReadOnlyList<CrmUser> Users();

    IReadOnlyList<CrmRole> Roles();

    void SaveRole(CrmRole role);

    /// <summary>Adds or replaces the user and their role memberships.</summary>
    void SaveUser(CrmUser user);

    IReadOnlyList<OperationRight> OperationRights(string entity);

    /// <summary>Adds or replaces the right of that role on that entity.</summary>
    void SaveOperationRight(OperationRight right);

    IReadOnlyList<FieldRight> FieldRights(string entity);

    /// <summary>Adds or replaces the right of that role (or the default) on that field.</summary>
    void SaveFieldRight(FieldRight right);
}
