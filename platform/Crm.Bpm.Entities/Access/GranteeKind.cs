namespace Crm.Bpm.Entities.Access;

/// <summary>Whether a record grant is given to one user or to everyone holding a role.</summary>
public enum GranteeKind
{
    User,
    Role,
}
