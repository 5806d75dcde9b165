namespace Crm.Bpm.Entities.Access;

/// <summary>What one role may do with the records of one entity; once an entity has any, a user needs a role allowing the operation.</summary>
public sealed record OperationRight(string Entity, string Role, bool Create, bool Read, bool Update, bool Delete)
{
    public bool Allows(EntityOperation operation) => operation switch
    {
        EntityOperation.Create => Create,
        EntityOperation.Read => Read,
        EntityOperation.Update => Update,
        _ => Delete,
    };
}
