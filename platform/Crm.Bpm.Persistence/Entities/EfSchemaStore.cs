using Crm.Bpm.Entities.Schemas;
using Crm.Bpm.Persistence.Entities.Tables;
using Microsoft.EntityFrameworkCore;

namespace Crm.Bpm.Persistence.Entities;

/// <summary>Schema versions in <c>crm_schemas</c>, with the record counts and data migrations schema changes need and the expression indexes schemas declare.</summary>
public sealed class EfSchemaStore : ISchemaStore
{
    private readonly EntitiesDatabase _database;

    internal EfSchemaStore(EntitiesDatabase database) => _database = database;

    public IReadOnlyList<StoredSchema> Latest()
    {
        using var db = _database.CreateContext();
        return db.Schemas.GroupBy(s => s.Entity).Select(g => g.OrderByDescending(s => s.Version).First()).AsEnumerable()
            .Select(ToStored).ToList();
    }

    public IReadOnlyList<StoredSchema> Versions(string entity)
    {
        using var db = _database.CreateContext();
        return db.Schemas.Where(s => s.Entity == entity).OrderBy(s => s.Version).AsEnumerable().Select(ToStored).ToList();
    }

    public void Save(StoredSchema schema, EntitySchema parsed, IReadOnlyList<SchemaDataChange> dataChanges)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(dataChanges);
        var sql = _database.Sql;
        using var db = _database.CreateContext();
        using var transaction = db.Database.BeginTransaction();
        db.Schemas.Add(new SchemaRow { Entity = schema.Entity, Version = schema.Version, Document = schema.Document, RegisteredOn = schema.RegisteredOn });
        db.SaveChanges();
        var entity = schema.Entity;
        foreach (var change in dataChanges)
        {
            if (change.NewName is { } to)
            {
                var from = change.Field;
                var moved = sql.PostgreSql
                    ? $"UPDATE crm_records SET data = (data - '{from}') || jsonb_build_object('{to}', data->'{from}') WHERE entity = '{entity}' AND data ? '{from}'"
                    : sql.SqlServer
                        ? $"UPDATE crm_records SET data = JSON_MODIFY(JSON_MODIFY(data, '$.{to}', JSON_QUERY(data, '$.{from}')), '$.{from}', NULL) WHERE entity = '{entity}'"
                        : $"UPDATE crm_records SET data = json_remove(json_set(data, '$.{to}', json_extract(data, '$.{from}')), '$.{from}') WHERE entity = '{entity}' AND json_type(data, '$.{from}') IS NOT NULL";
#pragma warning disable EF1002 // Field and entity names are checked names (letters, digits, '_') from the schema reader, never user text.
                db.Database.ExecuteSqlRaw(moved);
                db.Database.ExecuteSqlRaw($"UPDATE crm_change_log SET field = '{to}' WHERE entity = '{entity}' AND field = '{from}'");
#pragma warning restore EF1002
            }
            else
            {
                var value = change.Default!.ToJsonString();
                var fill = sql.PostgreSql
                    ? $"UPDATE crm_records SET data = jsonb_set(data, ARRAY['{change.Field}'], {{0}}::jsonb) WHERE entity = '{entity}' AND data->>'{change.Field}' IS NULL"
                    : $"UPDATE crm_records SET data = json_set(data, '$.{change.Field}', json({{0}})) WHERE entity = '{entity}' AND json_extract(data, '$.{change.Field}') IS NULL";
#pragma warning disable EF1002 // As above: checked names only; the value is a parameter.
                db.Database.ExecuteSqlRaw(fill, value);
#pragma warning restore EF1002
            }
        }

        foreach (var index in parsed.Indexes)
        {
            if (sql.CreateIndex(parsed, index) is { } ddl)
            {
#pragma warning disable EF1002 // DDL from checked names only.
                db.Database.ExecuteSqlRaw(ddl);
#pragma warning restore EF1002
            }
        }

        transaction.Commit();
    }

    public long CountRecords(string entity, string? field = null, bool withValue = true)
    {
        using var db = _database.CreateContext();
        if (field is null)
        {
            return db.Records.LongCount(r => r.Entity == entity);
        }

        var expression = _database.Sql.Field(null, field, FieldType.Text);
        return Scalar(db, $"SELECT COUNT(*) FROM crm_records WHERE entity = '{entity}' AND {expression} IS {(withValue ? "NOT " : string.Empty)}NULL");
    }

    public long CountValuesOutside(string entity, string field, IReadOnlyCollection<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        using var db = _database.CreateContext();
        var expression = _database.Sql.Field(null, field, FieldType.Text);
        var connection = EfRecordStore.Open(db);
        using var command = connection.CreateCommand();
        var names = allowed.Select((value, i) =>
        {
            SqlFlavor.Add(command, $"@v{i}", value);
            return $"@v{i}";
        }).ToList();
        command.CommandText = $"SELECT COUNT(*) FROM crm_records WHERE entity = '{entity}' AND {expression} IS NOT NULL AND {expression} NOT IN ({string.Join(", ", names)})";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static long Scalar(EntitiesDbContext db, string sql)
    {
        var connection = EfRecordStore.Open(db);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static StoredSchema ToStored(SchemaRow row) =>
        new(row.Entity, row.Version, row.Document, DateTime.SpecifyKind(row.RegisteredOn, DateTimeKind.Utc));
}
