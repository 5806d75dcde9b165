namespace Crm.Bpm.Entities.Access;

/// <summary>An operation on an entity's records that operation rights allow or deny.</summary>
public enum EntityOperation
{
    Create,
    Read,
    Update,
    Delete,
}
