using Crm.Bpm.Entities.Records;
using Crm.Bpm.Entities.Schemas;

namespace Crm.Bpm.Entities.Access;

/// <summary>Decides, at Creatio's three levels, what a user may do: operations on an entity, a record, and each field.</summary>
public sealed class AccessPolicy(IAccessStore access, IRecordStore records)
{
    /// <summary>Whether the user may do <paramref name="operation"/> on the entity's records at all.</summary>
    /// <remarks>An entity without operation rights is open to every user, as in Creatio before rights are configured.</remarks>
    public bool Allows(CrmUser user, string entity, EntityOperation operation)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsAdministrator)
        {
            return true;
        }

        var rights = access.OperationRights(entity);
        return rights.Count == 0 || rights.Any(r => user.Roles.Contains(r.Role) && r.Allows(operation));
    }

    /// <summary>Whether the user may do <paramref name="operation"/> on this record: as its owner, or by a grant to them or one of their roles.</summary>
    public bool Allows(CrmUser user, EntitySchema schema, Record record, EntityOperation operation)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(record);
        if (user.IsAdministrator || !schema.RecordRights || record.Owner == user.Id)
        {
            return true;
        }

        var userId = user.Id.ToString("D");
        return records.Grants(record.Id).Any(g =>
            ((g.Kind == GranteeKind.User && g.Grantee == userId) || (g.Kind == GranteeKind.Role && user.Roles.Contains(g.Grantee)))
            && operation switch
            {
                EntityOperation.Read => g.Read,
                EntityOperation.Update => g.Update,
                EntityOperation.Delete => g.Delete,
                _ => false,
            });
    }

    /// <summary>The user's access to each field of the entity that has field rights; fields not listed are editable.</summary>
    public IReadOnlyDictionary<string, FieldAccess> FieldAccess(CrmUser user, string entity)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = new Dictionary<string, FieldAccess>(StringComparer.Ordinal);
        if (user.IsAdministrator)
        {
            return result;
        }

        foreach (var field in access.FieldRights(entity).GroupBy(r => r.Field))
        {
            var mine = field.Where(r => r.Role is not null && user.Roles.Contains(r.Role)).ToList();
            result[field.Key] = mine.Count > 0
                ? mine.Max(r => r.Access)
                : field.FirstOrDefault(r => r.Role is null)?.Access ?? Access.FieldAccess.Edit;
        }

        return result;
    }
}
