using System.Text;
using Crm.Bpm.Persistence.Entities.Tables;
using Microsoft.EntityFrameworkCore;

namespace Crm.Bpm.Persistence.Entities;

/// <summary>The EF Core model of CRM records: records, schema versions, change log, outbox, duplicate keys, grants, users, roles and rights.</summary>
/// <remarks>Kept apart from the engine's context, with its own migrations history table (<see cref="HistoryTable"/>), so either can evolve alone.</remarks>
public sealed class EntitiesDbContext(DbContextOptions<EntitiesDbContext> options) : DbContext(options)
{
    /// <summary>The migrations history table of the entities model.</summary>
    public const string HistoryTable = "__crm_entities_migrations";

    public DbSet<RecordRow> Records => Set<RecordRow>();

    public DbSet<SchemaRow> Schemas => Set<SchemaRow>();

    public DbSet<ChangeLogRow> ChangeLog => Set<ChangeLogRow>();

    public DbSet<RecordEventRow> RecordEvents => Set<RecordEventRow>();

    public DbSet<DuplicateKeyRow> DuplicateKeys => Set<DuplicateKeyRow>();

    public DbSet<RecordGrantRow> Grants => Set<RecordGrantRow>();

    public DbSet<UserRow> Users => Set<UserRow>();

    public DbSet<RoleRow> Roles => Set<RoleRow>();

    public DbSet<UserRoleRow> UserRoles => Set<UserRoleRow>();

    public DbSet<OperationRightRow> OperationRights => Set<OperationRightRow>();

    public DbSet<FieldRightRow> FieldRights => Set<FieldRightRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var postgres = Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        var json = postgres ? "jsonb" : null;

        modelBuilder.Entity<RecordRow>(e =>
        {
            e.ToTable("crm_records");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasMaxLength(36);
            e.Property(r => r.Entity).HasMaxLength(64);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Property(r => r.OwnerId).HasMaxLength(36);
            e.Property(r => r.CreatedBy).HasMaxLength(36);
            e.Property(r => r.ModifiedBy).HasMaxLength(36);
            e.Property(r => r.Data).HasColumnType(json);
            e.HasIndex(r => new { r.Entity, r.CreatedOn });
            e.HasIndex(r => new { r.Entity, r.OwnerId });
        });
        modelBuilder.Entity<SchemaRow>(e =>
        {
            e.ToTable("crm_schemas");
            e.HasKey(s => new { s.Entity, s.Version });
            e.Property(s => s.Entity).HasMaxLength(64);
        });
        modelBuilder.Entity<ChangeLogRow>(e =>
        {
            e.ToTable("crm_change_log");
            e.HasKey(c => c.Id);
            e.Property(c => c.Entity).HasMaxLength(64);
            e.Property(c => c.RecordId).HasMaxLength(36);
            e.Property(c => c.Field).HasMaxLength(64);
            e.Property(c => c.UserId).HasMaxLength(36);
            e.HasIndex(c => new { c.Entity, c.RecordId, c.Id });
            e.HasIndex(c => new { c.Entity, c.ChangedOn });
        });
        modelBuilder.Entity<RecordEventRow>(e =>
        {
            e.ToTable("crm_record_events");
            e.HasKey(r => r.Id);
            e.Property(r => r.Entity).HasMaxLength(64);
            e.Property(r => r.RecordId).HasMaxLength(36);
            e.Property(r => r.UserId).HasMaxLength(36);
            e.Property(r => r.LockedBy).HasMaxLength(200);
            e.Property(r => r.Snapshot).HasColumnType(json);
            // Consumers read pending events in order: a partial index holds only those.
            e.HasIndex(r => r.Id).HasDatabaseName("ix_crm_record_events_pending").HasFilter("processed_on IS NULL");
        });
        modelBuilder.Entity<DuplicateKeyRow>(e =>
        {
            e.ToTable("crm_duplicate_keys");
            e.HasKey(k => k.Id);
            e.Property(k => k.Entity).HasMaxLength(64);
            e.Property(k => k.Rule).HasMaxLength(200);
            e.Property(k => k.Key).HasMaxLength(900);
            e.Property(k => k.RecordId).HasMaxLength(36);
            e.HasIndex(k => new { k.Entity, k.Rule, k.Key });
            e.HasIndex(k => k.RecordId);
        });
        modelBuilder.Entity<RecordGrantRow>(e =>
        {
            e.ToTable("crm_record_grants");
            e.HasKey(g => new { g.RecordId, g.GranteeKind, g.Grantee });
            e.Property(g => g.RecordId).HasMaxLength(36);
            e.Property(g => g.Grantee).HasMaxLength(200);
            e.Property(g => g.Entity).HasMaxLength(64);
        });
        modelBuilder.Entity<UserRow>(e =>
        {
            e.ToTable("crm_users");
            e.HasKey(u => u.Id);
            e.Property(u => u.Id).HasMaxLength(36);
            e.Property(u => u.Name).HasMaxLength(200);
        });
        modelBuilder.Entity<RoleRow>(e =>
        {
            e.ToTable("crm_roles");
            e.HasKey(r => r.Name);
            e.Property(r => r.Name).HasMaxLength(200);
        });
        modelBuilder.Entity<UserRoleRow>(e =>
        {
            e.ToTable("crm_user_roles");
            e.HasKey(r => new { r.UserId, r.Role });
            e.Property(r => r.UserId).HasMaxLength(36);
            e.Property(r => r.Role).HasMaxLength(200);
        });
        modelBuilder.Entity<OperationRightRow>(e =>
        {
            e.ToTable("crm_operation_rights");
            e.HasKey(r => new { r.Entity, r.Role });
            e.Property(r => r.Entity).HasMaxLength(64);
            e.Property(r => r.Role).HasMaxLength(200);
        });
        modelBuilder.Entity<FieldRightRow>(e =>
        {
            e.ToTable("crm_field_rights");
            e.HasKey(r => new { r.Entity, r.Field, r.Role });
            e.Property(r => r.Entity).HasMaxLength(64);
            e.Property(r => r.Field).HasMaxLength(64);
            e.Property(r => r.Role).HasMaxLength(200);
        });

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName($"pk_{entity.GetTableName()}");
            }

            foreach (var index in entity.GetIndexes().Where(i => i.GetDatabaseName() is null || !i.GetDatabaseName()!.StartsWith("ix_crm", StringComparison.Ordinal)))
            {
                index.SetDatabaseName($"ix_{entity.GetTableName()}_{string.Join('_', index.Properties.Select(p => SnakeCase(p.Name)))}");
            }
        }
    }

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
