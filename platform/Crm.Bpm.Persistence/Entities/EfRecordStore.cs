using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Crm.Bpm.Entities.Access;
using Crm.Bpm.Entities.Duplicates;
using Crm.Bpm.Entities.Queries;
using Crm.Bpm.Entities.Records;
using Crm.Bpm.Entities.Schemas;
using Crm.Bpm.Persistence.Entities.Tables;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Bpm.Persistence.Entities;

/// <summary>Records in the database through EF Core: each change set in one transaction with its change log, grants, duplicate keys and outbox events.</summary>
public sealed class EfRecordStore : IRecordStore
{
    private static readonly BulkColumn[] RecordColumns = [new("id"), new("entity"), new("version"), new("owner_id"), new("created_on"), new("created_by"), new("modified_on"), new("modified_by"), new("display"), new("search"), new("data", Json: true)];
    private static readonly BulkColumn[] DuplicateKeyColumns = [new("entity"), new("rule"), new("key"), new("record_id")];
    private static readonly BulkColumn[] ChangeLogColumns = [new("entity"), new("record_id"), new("kind"), new("field"), new("old_value"), new("new_value"), new("user_id"), new("changed_on")];
    private static readonly BulkColumn[] EventColumns = [new("entity"), new("record_id"), new("kind"), new("changed_fields"), new("snapshot", Json: true), new("user_id"), new("occurred_on")];
    private static readonly BulkColumn[] GrantColumns = [new("record_id"), new("grantee_kind"), new("grantee"), new("entity"), new("can_read"), new("can_update"), new("can_delete")];

    private readonly EntitiesDatabase _database;

    internal EfRecordStore(EntitiesDatabase database) => _database = database;

    public Record? Find(string entity, Guid id)
    {
        using var db = _database.CreateContext();
        var key = Key(id);
        var row = db.Records.FirstOrDefault(r => r.Id == key && r.Entity == entity);
        return row is null ? null : ToRecord(row);
    }

    public IReadOnlySet<Guid> ExistingIds(string entity, IReadOnlyCollection<Guid> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var db = _database.CreateContext();
        var keys = ids.Select(Key).ToList();
        return db.Records.Where(r => r.Entity == entity && keys.Contains(r.Id)).Select(r => r.Id).AsEnumerable().Select(Guid.Parse).ToHashSet();
    }

    public IReadOnlyList<Record> FindReferencing(string entity, string field, Guid id)
    {
        using var db = _database.CreateContext();
        var connection = Open(db);
        using var command = connection.CreateCommand();
        // Lookup fields always have an expression index (EntitySchemaReader), so this does not scan.
        command.CommandText = $"SELECT r.id, r.entity, r.version, r.owner_id, r.created_on, r.created_by, r.modified_on, r.modified_by, r.data FROM crm_records r WHERE r.entity = '{entity}' AND {_database.Sql.Field("r", field, FieldType.Lookup)} = @id";
        SqlFlavor.Add(command, "@id", Key(id));
        return ReadRecords(command, 0, []).Records;
    }

    public void Commit(RecordChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        using var db = _database.CreateContext();
        using var transaction = db.Database.BeginTransaction();
        var touched = changes.Writes.Where(w => w.Kind != RecordChangeKind.Created).Select(w => Key(w.Record.Id)).ToList();
        if (touched.Count > 0)
        {
            db.DuplicateKeys.Where(k => touched.Contains(k.RecordId)).ExecuteDelete();
        }

        var deleted = changes.Writes.Where(w => w.Kind == RecordChangeKind.Deleted).Select(w => Key(w.Record.Id)).ToList();
        if (deleted.Count > 0)
        {
            db.Grants.Where(g => deleted.Contains(g.RecordId)).ExecuteDelete();
        }

        // Updates and deletes go through EF Core for their version check (UPDATE/DELETE ... WHERE version = @expected
        // must hit one row); inserts, the bulk of the rows, go as multi-row statements in the same transaction.
        var created = new List<object?[]>();
        var keys = new List<object?[]>();
        foreach (var write in changes.Writes)
        {
            var row = ToRow(write);
            switch (write.Kind)
            {
                case RecordChangeKind.Created:
                    created.Add([row.Id, row.Entity, row.Version, row.OwnerId, row.CreatedOn, row.CreatedBy, row.ModifiedOn, row.ModifiedBy, row.Display, row.Search, row.Data]);
                    break;
                case RecordChangeKind.Updated:
                    db.Records.Attach(row);
                    var entry = db.Entry(row);
                    entry.State = EntityState.Modified;
                    entry.Property(r => r.Version).OriginalValue = write.ExpectedVersion;
                    entry.Property(r => r.CreatedOn).IsModified = false;
                    entry.Property(r => r.CreatedBy).IsModified = false;
                    break;
                default:
                    row.Version = write.ExpectedVersion;
                    db.Records.Attach(row);
                    db.Entry(row).State = EntityState.Deleted;
                    break;
            }

            if (write.Kind != RecordChangeKind.Deleted)
            {
                keys.AddRange(write.DuplicateKeys.Select(k => new object?[] { write.Record.Entity, k.Rule, k.Key, row.Id }));
            }
        }

        try
        {
            db.SaveChanges();
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new RecordConcurrencyException("A record changed since it was read; nothing was written.", e);
        }

        var insert = new RowInserter(_database.Sql, db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction(), _database.Bulk);
        insert.Insert("crm_records", RecordColumns, created);
        insert.Insert("crm_duplicate_keys", DuplicateKeyColumns, keys);
        insert.Insert("crm_change_log", ChangeLogColumns, changes.ChangeLog
            .Select(e => new object?[] { e.Entity, Key(e.RecordId), (int)e.Kind, e.Field, e.OldValue, e.NewValue, e.UserId is { } u ? Key(u) : null, e.ChangedOn }).ToList());
        insert.Insert("crm_record_events", EventColumns, changes.Events
            .Select(e => new object?[] { e.Entity, Key(e.RecordId), (int)e.Kind, new JsonArray([.. e.ChangedFields.Select(f => JsonValue.Create(f))]).ToJsonString(), e.Snapshot, e.UserId is { } u ? Key(u) : null, e.OccurredOn }).ToList());
        insert.Insert("crm_record_grants", GrantColumns, changes.Grants
            .Select(g => new object?[] { Key(g.RecordId), (int)g.Kind, g.Grantee, g.Entity, g.Read, g.Update, g.Delete }).ToList());
        transaction.Commit();
    }

    public RecordPage Query(QueryPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var db = _database.CreateContext();
        var connection = Open(db);
        using var command = connection.CreateCommand();
        var sql = new RecordQuerySql(_database.Sql, command, plan);
        command.CommandText = sql.Build();
        var page = ReadRecords(command, plan.Sort.Count, plan.LookupDisplays, plan.PageSize);
        var next = page.HasMore && page.Records.Count > 0
            ? new QueryCursor(page.LastSortValues.Select((v, i) => Typed(plan.Sort[i].Field, v)).ToList(), page.Records[^1].Id).Encode()
            : null;
        return new RecordPage(page.Records, next);
    }

    private static object? Typed(PlannedField field, object? value) => value switch
    {
        null or DBNull => null,
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        _ when field.Column is "createdOn" or "modifiedOn" => DateTime.SpecifyKind(Convert.ToDateTime(value, CultureInfo.InvariantCulture), DateTimeKind.Utc),
        _ when field.Type is FieldType.Integer or FieldType.Number => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        _ when field.Type is FieldType.Boolean => Convert.ToBoolean(value, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    public IReadOnlyList<DuplicateMatch> FindDuplicates(string entity, IReadOnlyCollection<DuplicateKey> keys, Guid? except)
    {
        ArgumentNullException.ThrowIfNull(keys);
        using var db = _database.CreateContext();
        var values = keys.Select(k => k.Key).ToList();
        var self = except is { } id ? Key(id) : null;
        var rows = db.DuplicateKeys
            .Where(k => k.Entity == entity && values.Contains(k.Key) && k.RecordId != self)
            .Join(db.Records, k => k.RecordId, r => r.Id, (k, r) => new { k.Rule, k.Key, r.Id, r.Display })
            .Take(100)
            .ToList();
        return rows.Where(r => keys.Any(k => k.Rule == r.Rule && k.Key == r.Key))
            .Select(r => new DuplicateMatch(r.Rule, Guid.Parse(r.Id), r.Display)).ToList();
    }

    public IReadOnlyList<DuplicateGroup> DuplicateGroups(string entity)
    {
        using var db = _database.CreateContext();
        var groups = db.DuplicateKeys.Where(k => k.Entity == entity)
            .GroupBy(k => new { k.Rule, k.Key })
            .Where(g => g.Count() > 1)
            .Select(g => new { g.Key.Rule, g.Key.Key })
            .ToList();
        var result = new List<DuplicateGroup>();
        foreach (var group in groups)
        {
            var ids = db.DuplicateKeys.Where(k => k.Entity == entity && k.Rule == group.Rule && k.Key == group.Key)
                .OrderBy(k => k.Id).Select(k => k.RecordId).ToList();
            result.Add(new DuplicateGroup(group.Rule, group.Key, ids.Select(Guid.Parse).ToList()));
        }

        return result;
    }

    public IReadOnlyList<ChangeLogEntry> ChangeLog(ChangeLogQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var db = _database.CreateContext();
        var rows = db.ChangeLog.Where(c => c.Entity == query.Entity && c.Id > query.AfterId);
        if (query.RecordId is { } record)
        {
            var key = Key(record);
            rows = rows.Where(c => c.RecordId == key);
        }

        if (query.Field is { } field)
        {
            rows = rows.Where(c => c.Field == field);
        }

        if (query.UserId is { } user)
        {
            var key = Key(user);
            rows = rows.Where(c => c.UserId == key);
        }

        if (query.From is { } from)
        {
            rows = rows.Where(c => c.ChangedOn >= from);
        }

        if (query.To is { } to)
        {
            rows = rows.Where(c => c.ChangedOn < to);
        }

        return rows.OrderBy(c => c.Id).Take(query.PageSize).AsEnumerable()
            .Select(c => new ChangeLogEntry(c.Id, c.Entity, Guid.Parse(c.RecordId), (RecordChangeKind)c.Kind, c.Field, c.OldValue, c.NewValue,
                c.UserId is null ? null : Guid.Parse(c.UserId), DateTime.SpecifyKind(c.ChangedOn, DateTimeKind.Utc)))
            .ToList();
    }

    public IReadOnlyList<RecordGrant> Grants(Guid recordId)
    {
        using var db = _database.CreateContext();
        var key = Key(recordId);
        return db.Grants.Where(g => g.RecordId == key).AsEnumerable()
            .Select(g => new RecordGrant(recordId, g.Entity, (GranteeKind)g.GranteeKind, g.Grantee, g.CanRead, g.CanUpdate, g.CanDelete))
            .ToList();
    }

    public void RemoveGrant(Guid recordId, GranteeKind kind, string grantee)
    {
        using var db = _database.CreateContext();
        var key = Key(recordId);
        db.Grants.Where(g => g.RecordId == key && g.GranteeKind == (int)kind && g.Grantee == grantee).ExecuteDelete();
    }

    internal static string Key(Guid id) => id.ToString("D");

    internal static DbConnection Open(EntitiesDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            db.Database.OpenConnection();
        }

        return connection;
    }

    private static RecordRow ToRow(RecordWrite write) => new()
    {
        Id = Key(write.Record.Id),
        Entity = write.Record.Entity,
        Version = write.Record.Version,
        OwnerId = write.Record.Owner is { } o ? Key(o) : null,
        CreatedOn = write.Record.CreatedOn,
        CreatedBy = write.Record.CreatedBy is { } c ? Key(c) : null,
        ModifiedOn = write.Record.ModifiedOn,
        ModifiedBy = write.Record.ModifiedBy is { } m ? Key(m) : null,
        Display = write.DisplayText,
        Search = write.SearchText,
        Data = write.Record.Values.ToJsonString(),
    };

    private static Record ToRecord(RecordRow row) => new()
    {
        Id = Guid.Parse(row.Id),
        Entity = row.Entity,
        Version = row.Version,
        Owner = row.OwnerId is null ? null : Guid.Parse(row.OwnerId),
        CreatedOn = DateTime.SpecifyKind(row.CreatedOn, DateTimeKind.Utc),
        CreatedBy = row.CreatedBy is null ? null : Guid.Parse(row.CreatedBy),
        ModifiedOn = DateTime.SpecifyKind(row.ModifiedOn, DateTimeKind.Utc),
        ModifiedBy = row.ModifiedBy is null ? null : Guid.Parse(row.ModifiedBy),
        Values = JsonNode.Parse(row.Data)!.AsObject(),
    };

    private static (List<Record> Records, bool HasMore, object?[] LastSortValues) ReadRecords(DbCommand command, int sortCount, IReadOnlyList<LookupDisplay> displays, int pageSize = int.MaxValue)
    {
        var records = new List<Record>();
        var last = new object?[sortCount];
        var more = false;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (records.Count == pageSize)
            {
                more = true;
                break;
            }

            var lookup = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < displays.Count; i++)
            {
                lookup[displays[i].Field] = reader.IsDBNull(9 + i) ? null : reader.GetString(9 + i);
            }

            records.Add(new Record
            {
                Id = Guid.Parse(reader.GetString(0)),
                Entity = reader.GetString(1),
                Version = reader.GetInt64(2),
                Owner = reader.IsDBNull(3) ? null : Guid.Parse(reader.GetString(3)),
                CreatedOn = DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc),
                CreatedBy = reader.IsDBNull(5) ? null : Guid.Parse(reader.GetString(5)),
                ModifiedOn = DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc),
                ModifiedBy = reader.IsDBNull(7) ? null : Guid.Parse(reader.GetString(7)),
                Values = JsonNode.Parse(reader.GetString(8))!.AsObject(),
                LookupDisplay = lookup,
            });
            for (var i = 0; i < sortCount; i++)
            {
                last[i] = reader.GetValue(9 + displays.Count + i);
            }
        }

        return (records, more, last);
    }

    /// <summary>Builds the SELECT of a query plan: joins for lookup paths and display values, filters, record rights, keyset condition, order and limit.</summary>
    private sealed class RecordQuerySql(SqlFlavor sql, DbCommand command, QueryPlan plan)
    {
        private readonly Dictionary<string, string> _joins = new(StringComparer.Ordinal);
        private readonly StringBuilder _from = new();
        private int _parameters;

        public string Build()
        {
            var schema = plan.Schema;
            var where = new List<string> { $"r.entity = '{schema.Name}'" };
            foreach (var filter in plan.Filters)
            {
                where.Add(Filter(filter));
            }

            foreach (var word in plan.SearchWords)
            {
                where.Add($"r.search LIKE {Parameter("%" + Escape(word) + "%")}{(sql.SqlServer ? string.Empty : " ESCAPE '\\'")}");
            }

            if (plan.Access is { } access)
            {
                var user = Parameter(Key(access.UserId));
                var roles = access.Roles.Count == 0 ? "NULL" : string.Join(", ", access.Roles.Select(r => Parameter(r)));
                where.Add($"(r.owner_id = {user} OR EXISTS (SELECT 1 FROM crm_record_grants g WHERE g.record_id = r.id AND g.can_read = {sql.True} AND ((g.grantee_kind = {(int)GranteeKind.User} AND g.grantee = {user}) OR (g.grantee_kind = {(int)GranteeKind.Role} AND g.grantee IN ({roles})))))");
            }

            if (plan.After is { } after)
            {
                where.Add(Keyset(after));
            }

            var select = new StringBuilder("SELECT r.id, r.entity, r.version, r.owner_id, r.created_on, r.created_by, r.modified_on, r.modified_by, r.data");
            foreach (var display in plan.LookupDisplays)
            {
                select.Append(", ").Append(Join(display.Field)).Append(".display");
            }

            foreach (var sort in plan.Sort)
            {
                select.Append(", ").Append(Expression(sort.Field));
            }

            var order = plan.Sort.Select(s => $"{Expression(s.Field)} {(s.Descending ? sql.Descending : sql.Ascending)}").Append("r.id ASC");
            return $"{select} FROM crm_records r{_from} WHERE {string.Join(" AND ", where)} ORDER BY {string.Join(", ", order)}{sql.Limit(plan.PageSize + 1)}";
        }

        private string Join(string lookup)
        {
            if (!_joins.TryGetValue(lookup, out var alias))
            {
                alias = $"j{_joins.Count}";
                _joins[lookup] = alias;
                _from.Append(CultureInfo.InvariantCulture, $" LEFT JOIN crm_records {alias} ON {alias}.id = {sql.Field("r", lookup, FieldType.Lookup)}");
            }

            return alias;
        }

        private string Expression(PlannedField field)
        {
            var alias = field.Lookup is null ? "r" : Join(field.Lookup);
            return field.Column is { } column ? SqlFlavor.Column(alias, column) : sql.Field(alias, field.JsonField!, field.Type);
        }

        private string Filter(PlannedFilter filter)
        {
            var e = Expression(filter.Field);
            var v = filter.Values;
            return filter.Operator switch
            {
                FilterOperator.Equal => $"{e} = {Parameter(v[0])}",
                FilterOperator.NotEqual => $"({e} IS NULL OR {e} <> {Parameter(v[0])})",
                FilterOperator.Less => $"{e} < {Parameter(v[0])}",
                FilterOperator.LessOrEqual => $"{e} <= {Parameter(v[0])}",
                FilterOperator.Greater => $"{e} > {Parameter(v[0])}",
                FilterOperator.GreaterOrEqual => $"{e} >= {Parameter(v[0])}",
                FilterOperator.In => $"{e} IN ({string.Join(", ", v.Select(Parameter))})",
                FilterOperator.Contains => sql.Like(e, Parameter("%" + Escape((string)v[0]!) + "%")),
                FilterOperator.StartsWith => sql.Like(e, Parameter(Escape((string)v[0]!) + "%")),
                FilterOperator.Between => $"{e} BETWEEN {Parameter(v[0])} AND {Parameter(v[1])}",
                FilterOperator.IsEmpty => $"{e} IS NULL",
                _ => $"{e} IS NOT NULL",
            };
        }

        // Keyset paging: rows strictly after the cursor in (sort keys..., id) order, where empty values come first
        // ascending and last descending (the order the ORDER BY gives on every provider).
        private string Keyset(QueryCursor after)
        {
            var alternatives = new List<string>();
            var equal = new List<string>();
            for (var i = 0; i < plan.Sort.Count; i++)
            {
                var e = Expression(plan.Sort[i].Field);
                var value = after.Values[i];
                var descending = plan.Sort[i].Descending;
                string? beyond = (value, descending) switch
                {
                    (null, false) => $"{e} IS NOT NULL",
                    (null, true) => null,
                    (_, false) => $"{e} > {Parameter(value)}",
                    _ => $"({e} < {Parameter(value)} OR {e} IS NULL)",
                };
                if (beyond is not null)
                {
                    alternatives.Add(equal.Count == 0 ? beyond : $"({string.Join(" AND ", equal)} AND {beyond})");
                }

                equal.Add(value is null ? $"{e} IS NULL" : $"{e} = {Parameter(value)}");
            }

            var id = $"r.id > {Parameter(Key(after.Id))}";
            alternatives.Add(equal.Count == 0 ? id : $"({string.Join(" AND ", equal)} AND {id})");
            return $"({string.Join(" OR ", alternatives)})";
        }

        private string Parameter(object? value)
        {
            var name = $"@p{_parameters++}";
            SqlFlavor.Add(command, name, sql.Value(value));
            return name;
        }

        private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
    }
}
