using Crm.Bpm.Entities.Access;
using Crm.Bpm.Persistence.Entities.Tables;
using Microsoft.EntityFrameworkCore;

namespace Crm.Bpm.Persistence.Entities;

/// <summary>Users, roles, operation rights and field rights in the database.</summary>
public sealed class EfAccessStore : IAccessStore
{
    private readonly EntitiesDatabase _database;

    internal EfAccessStore(EntitiesDatabase database) => _database = database;

    public CrmUser? FindUser(Guid id)
    {
        using var db = _database.CreateContext();
        var key = EfRecordStore.Key(id);
        var user = db.Users.FirstOrDefault(u => u.Id == key);
        return user is null ? null : new CrmUser(id, user.Name, db.UserRoles.Where(r => r.UserId == key).OrderBy(r => r.Role).Select(r => r.Role).ToList(), user.IsAdministrator);
    }

    public IReadOnlyList<CrmUser> Users()
    {
        using var db = _database.CreateContext();
        var roles = db.UserRoles.AsEnumerable().ToLookup(r => r.UserId, r => r.Role);
        return db.Users.OrderBy(u => u.Name).AsEnumerable()
            .Select(u => new CrmUser(Guid.Parse(u.Id), u.Name, roles[u.Id].Order(StringComparer.Ordinal).ToList(), u.IsAdministrator)).ToList();
    }

    public IReadOnlyList<CrmRole> Roles()
    {
        using var db = _database.CreateContext();
        return db.Roles.OrderBy(r => r.Name).AsEnumerable().Select(r => new CrmRole(r.Name, r.Description)).ToList();
    }

    public void SaveRole(CrmRole role)
    {
        ArgumentNullException.ThrowIfNull(role);
        using var db = _database.CreateContext();
        using var transaction = db.Database.BeginTransaction();
        db.Roles.Where(r => r.Name == role.Name).ExecuteDelete();
        db.Roles.Add(new RoleRow { Name = role.Name, Description = role.Description });
        db.SaveChanges();
        transaction.Commit();
    }

    public void SaveUser(CrmUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        using var db = _database.CreateContext();
        using var transaction = db.Database.BeginTransaction();
        var key = EfRecordStore.Key(user.Id);
        db.UserRoles.Where(r => r.UserId == key).ExecuteDelete();
        db.Users.Where(u => u.Id == key).ExecuteDelete();
        db.Users.Add(new UserRow { Id = key, Name = user.Name, IsAdministrator = user.IsAdministrator });
        var known = db.Roles.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var role in user.Roles.Distinct(StringComparer.Ordinal))
        {
            if (!known.Contains(role))
            {
                db.Roles.Add(new RoleRow { Name = role });
            }

            db.UserRoles.Add(new UserRoleRow { UserId = key, Role = role });
        }

        db.SaveChanges();
        transaction.Commit();
    }

    public IReadOnlyList<OperationRight> OperationRights(string entity)
    {
        using var db = _database.CreateContext();
        return db.OperationRights.Where(r => r.Entity == entity).AsEnumerable()
            .Select(r => new OperationRight(r.Entity, r.Role, r.CanCreate, r.CanRead, r.CanUpdate, r.CanDelete)).ToList();
    }

    public void SaveOperationRight(OperationRight right)
    {
        ArgumentNullException.ThrowIfNull(right);
        using var db = _database.CreateContext();
        using var transaction = db.Database.BeginTransaction();
        db.OperationRights.Where(r => r.Entity == right.Entity && r.Role == right.Role).ExecuteDelete();
        db.OperationRights.Add(new OperationRightRow
        {
            Entity = right.Entity,
            Role = right.Role,
            CanCreate = right.Create,
            CanRead = right.Read,
            CanUpdate = right.Update,
            CanDelete = right.Delete,
        });
        db.SaveChanges();
        transaction.Commit();
    }

    public IReadOnlyList<FieldRight> FieldRights(string entity)
    {
        using var db = _database.CreateContext();
        return db.FieldRights.Where(r => r.Entity == entity).AsEnumerable()
            .Select(r => new FieldRight(r.Entity, r.Field, r.Role.Length == 0 ? null : r.Role, (FieldAccess)r.Access)).ToList();
    }

    public void SaveFieldRight(FieldRight right)
    {
        ArgumentNullException.ThrowIfNull(right);
        using var db = _database.CreateContext();
        using var transaction = db.Database.BeginTransaction();
        var role = right.Role ?? string.Empty;
        db.FieldRights.Where(r => r.Entity == right.Entity && r.Field == right.Field && r.Role == role).ExecuteDelete();
        db.FieldRights.Add(new FieldRightRow { Entity = right.Entity, Field = right.Field, Role = role, Access = (int)right.Access });
        db.SaveChanges();
        transaction.Commit();
    }
}
