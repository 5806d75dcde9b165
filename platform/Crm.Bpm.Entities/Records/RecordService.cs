using System.Text.Json.Nodes;
using Crm.Bpm.Diagnostics;
using Crm.Bpm.Entities.Access;
using Crm.Bpm.Entities.Duplicates;
using Crm.Bpm.Entities.Events;
using Crm.Bpm.Entities.Queries;
using Crm.Bpm.Entities.Schemas;

namespace Crm.Bpm.Entities.Records;

/// <summary>Creates, reads, updates, deletes and queries records for a user: checks rights at all three levels, validates every field, logs changes, applies duplicate rules, and writes outbox events in the same unit of work.</summary>
public sealed class RecordService
{
    private readonly SchemaRegistry _schemas;
    private readonly IRecordStore _store;
    private readonly AccessPolicy _access;
    private readonly TimeProvider _clock;

    public RecordService(SchemaRegistry schemas, IRecordStore store, IAccessStore access, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(access);
        _schemas = schemas;
        _store = store;
        _access = new AccessPolicy(access, store);
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Creates a record owned by <paramref name="owner"/> (by default the user).</summary>
    public RecordResult Create(CrmUser user, string entity, JsonObject values, Guid? owner = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(values);
        if (Prepare(user, entity, EntityOperation.Create) is { } refused)
        {
            return refused;
        }

        var schema = _schemas.Find(entity)!;
        var fieldAccess = _access.FieldAccess(user, entity);
        var diagnostics = new List<Diagnostic>();
        var changes = new RecordChangeSet();
        var prepared = PrepareCreate(user, schema, values, owner, fieldAccess, diagnostics, changes, string.Empty);
        if (diagnostics.Count > 0)
        {
            return RecordResult.Fail(RecordFailure.Invalid, [.. diagnostics]);
        }

        var (duplicates, blocked) = CheckDuplicates(schema, prepared.DuplicateKeys, null);
        if (blocked is not null)
        {
            return blocked;
        }

        _store.Commit(changes);
        return new RecordResult { Record = Visible(prepared.Record, fieldAccess), Duplicates = duplicates };
    }

    /// <summary>Creates many records of one entity in one transaction (imports, benchmarks); any invalid record refuses the whole batch, naming each error as <c>$[n].field</c>.</summary>
    /// <remarks>Duplicate rules are not checked per record here; run <see cref="FindDuplicates"/> after an import.</remarks>
    public BatchResult CreateMany(CrmUser user, string entity, IReadOnlyList<JsonObject> values)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(values);
        if (Prepare(user, entity, EntityOperation.Create) is { } refused)
        {
            return new BatchResult(refused.Failure, [], refused.Diagnostics);
        }

        var schema = _schemas.Find(entity)!;
        var fieldAccess = _access.FieldAccess(user, entity);
        var diagnostics = new List<Diagnostic>();
        var changes = new RecordChangeSet();
        var ids = new List<Guid>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            ids.Add(PrepareCreate(user, schema, values[i], null, fieldAccess, diagnostics, changes, $"$[{i}].").Record.Id);
        }

        if (diagnostics.Count > 0)
        {
            return new BatchResult(RecordFailure.Invalid, [], diagnostics);
        }

        _store.Commit(changes);
        return new BatchResult(RecordFailure.None, ids, []);
    }

    private RecordWrite PrepareCreate(
        CrmUser user, EntitySchema schema, JsonObject values, Guid? owner, IReadOnlyDictionary<string, FieldAccess> fieldAccess,
        List<Diagnostic> diagnostics, RecordChangeSet changes, string prefix)
    {
        var before = diagnostics.Count;
        foreach (var (name, _) in values)
        {
            if (fieldAccess.TryGetValue(name, out var level) && level != FieldAccess.Edit)
            {
                diagnostics.Add(Forbidden("ACC003", $"You may not set the field '{name}' of {schema.Name}.", prefix + name));
            }
        }

        var lookups = new Dictionary<string, HashSet<Guid>>(StringComparer.Ordinal);
        var stored = RecordValues.Check(schema, values, diagnostics, lookups, prefix, defaults: true);
        CheckLookups(schema, stored, lookups, diagnostics, prefix);
        var now = _clock.GetUtcNow().UtcDateTime;
        var record = new Record
        {
            Id = Guid.CreateVersion7(),
            Entity = schema.Name,
            Version = 1,
            Owner = owner ?? (user.Id == Guid.Empty ? null : user.Id),
            CreatedOn = now,
            CreatedBy = UserId(user),
            ModifiedOn = now,
            ModifiedBy = UserId(user),
            Values = stored,
        };
        var keys = DuplicateNormalizer.Keys(schema, stored);
        var write = new RecordWrite(RecordChangeKind.Created, record, 0, Display(schema, stored), SearchText(schema, stored), keys);
        if (diagnostics.Count > before)
        {
            return write;
        }

        changes.Writes.Add(write);
        foreach (var field in schema.Fields.Where(f => f.Logged && stored[f.Name] is not null))
        {
            changes.ChangeLog.Add(new ChangeLogEntry(0, schema.Name, record.Id, RecordChangeKind.Created, field.Name, null, stored[field.Name]!.ToJsonString(), UserId(user), now));
        }

        changes.Events.Add(new RecordEvent(0, schema.Name, record.Id, RecordChangeKind.Created, stored.Select(p => p.Key).ToList(), RecordValues.Snapshot(record), UserId(user), now));
        foreach (var grant in schema.DefaultGrants)
        {
            changes.Grants.Add(new RecordGrant(record.Id, schema.Name, GranteeKind.Role, grant.Role, grant.Read, grant.Update, grant.Delete));
        }

        return write;
    }

    /// <summary>Reads one record, without the fields the user may not see.</summary>
    public RecordResult Read(CrmUser user, string entity, Guid id)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (Prepare(user, entity, EntityOperation.Read) is { } refused)
        {
            return refused;
        }

        var schema = _schemas.Find(entity)!;
        var record = _store.Find(entity, id);
        if (record is null || !_access.Allows(user, schema, record, EntityOperation.Read))
        {
            // A record the user may not read is reported as missing, so its existence does not leak.
            return RecordResult.Fail(RecordFailure.NotFound, NotFound(entity, id));
        }

        return new RecordResult { Record = Visible(record, _access.FieldAccess(user, entity)) };
    }

    /// <summary>Changes the given fields of a record at <paramref name="expectedVersion"/>; a JSON null empties a field.</summary>
    public RecordResult Update(CrmUser user, string entity, Guid id, long expectedVersion, JsonObject changes)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(changes);
        var (refused, schema, current) = LoadForUpdate(user, entity, id, expectedVersion, "You may read but not change this {0} record; ask its owner for a grant.");
        if (refused is not null)
        {
            return refused;
        }

        var fieldAccess = _access.FieldAccess(user, entity);
        var diagnostics = new List<Diagnostic>();
        foreach (var (name, _) in changes)
        {
            if (fieldAccess.TryGetValue(name, out var level) && level != FieldAccess.Edit)
            {
                diagnostics.Add(Forbidden("ACC003", $"You may not change the field '{name}' of {schema.Name}.", name));
            }
        }

        if (diagnostics.Count > 0)
        {
            return RecordResult.Fail(RecordFailure.Forbidden, [.. diagnostics]);
        }

        var merged = (JsonObject)current.Values.DeepClone();
        foreach (var (name, value) in changes)
        {
            merged[name] = value?.DeepClone();
        }

        var lookups = new Dictionary<string, HashSet<Guid>>(StringComparer.Ordinal);
        var stored = RecordValues.Check(schema, merged, diagnostics, lookups);
        CheckLookups(schema, stored, lookups, diagnostics, string.Empty);
        if (diagnostics.Count > 0)
        {
            return RecordResult.Fail(RecordFailure.Invalid, [.. diagnostics]);
        }

        var changed = schema.Fields.Where(f => !JsonNode.DeepEquals(current.Values[f.Name], stored[f.Name])).ToList();
        if (changed.Count == 0)
        {
            return new RecordResult { Record = Visible(current, fieldAccess) };
        }

        var keys = DuplicateNormalizer.Keys(schema, stored);
        var (duplicates, blocked) = CheckDuplicates(schema, keys, id);
        if (blocked is not null)
        {
            return blocked;
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        var updated = current with { Version = current.Version + 1, ModifiedOn = now, ModifiedBy = UserId(user), Values = stored };
        var set = new RecordChangeSet();
        AddUpdate(set, schema, current, updated, changed, keys, user, now);
        return Commit(set, schema, id, expectedVersion) ?? new RecordResult { Record = Visible(updated, fieldAccess), Duplicates = duplicates };
    }

    /// <summary>The schema and stored record for a change at <c>expectedVersion</c>, or why the user may not make it (operation right, record right, version).</summary>
    /// <remarks><c>forbidden</c> is the message when the user may read but not change the record; {0} is the entity's display name.</remarks>
    private (RecordResult? Refused, EntitySchema Schema, Record Current) LoadForUpdate(CrmUser user, string entity, Guid id, long expectedVersion, string forbidden)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (Prepare(user, entity, EntityOperation.Update) is { } refused)
        {
            return (refused, null!, null!);
        }

        var schema = _schemas.Find(entity)!;
        var current = _store.Find(entity, id);
        if (current is null || !_access.Allows(user, schema, current, EntityOperation.Read))
        {
            return (RecordResult.Fail(RecordFailure.NotFound, NotFound(entity, id)), schema, null!);
        }

        if (!_access.Allows(user, schema, current, EntityOperation.Update))
        {
            var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, forbidden, schema.DisplayName);
            return (RecordResult.Fail(RecordFailure.Forbidden, Forbidden("ACC002", message, id.ToString("D"))), schema, current);
        }

        return current.Version != expectedVersion
            ? (Conflict(schema, id, expectedVersion, current.Version), schema, current)
            : (null, schema, current);
    }

    /// <summary>Gives the record to another owner (record rights follow the owner).</summary>
    public RecordResult ChangeOwner(CrmUser user, string entity, Guid id, long expectedVersion, Guid owner)
    {
        var (refused, schema, current) = LoadForUpdate(user, entity, id, expectedVersion, "You may not change the owner of this {0} record.");
        if (refused is not null)
        {
            return refused;
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        var updated = current with { Version = current.Version + 1, Owner = owner, ModifiedOn = now, ModifiedBy = UserId(user) };
        var set = new RecordChangeSet();
        set.Writes.Add(new RecordWrite(RecordChangeKind.Updated, updated, current.Version, Display(schema, updated.Values), SearchText(schema, updated.Values), DuplicateNormalizer.Keys(schema, updated.Values)));
        set.ChangeLog.Add(new ChangeLogEntry(0, entity, id, RecordChangeKind.Updated, "owner", Json(current.Owner), Json(owner), UserId(user), now));
        set.Events.Add(new RecordEvent(0, entity, id, RecordChangeKind.Updated, ["owner"], RecordValues.Snapshot(updated), UserId(user), now));
        return Commit(set, schema, id, expectedVersion) ?? new RecordResult { Record = Visible(updated, _access.FieldAccess(user, entity)) };
    }

    /// <summary>Deletes a record; records that look it up are cleared or deleted by their lookup's delete behaviour, or the delete is refused while restricting ones exist.</summary>
    /// <remarks>
    /// <para><c>expectedVersion</c>: The version the caller saw, or null to delete whatever version is stored.</para>
    /// </remarks>
    public RecordResult Delete(CrmUser user, string entity, Guid id, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (Prepare(user, entity, EntityOperation.Delete) is { } refused)
        {
            return refused;
        }

        var schema = _schemas.Find(entity)!;
        var current = _store.Find(entity, id);
        if (current is null || !_access.Allows(user, schema, current, EntityOperation.Read))
        {
            return RecordResult.Fail(RecordFailure.NotFound, NotFound(entity, id));
        }

        if (!_access.Allows(user, schema, current, EntityOperation.Delete))
        {
            return RecordResult.Fail(RecordFailure.Forbidden, Forbidden("ACC002", $"You may not delete this {schema.DisplayName} record.", id.ToString("D")));
        }

        if (expectedVersion is { } expected && current.Version != expected)
        {
            return Conflict(schema, id, expected, current.Version);
        }

        var set = new RecordChangeSet();
        var diagnostics = new List<Diagnostic>();
        var now = _clock.GetUtcNow().UtcDateTime;
        var deleting = new HashSet<Guid>();
        PlanDelete(user, schema, current, set, diagnostics, deleting, now);
        if (diagnostics.Count > 0)
        {
            return RecordResult.Fail(RecordFailure.Restricted, [.. diagnostics]);
        }

        return Commit(set, schema, id, current.Version) ?? new RecordResult { Record = Visible(current, _access.FieldAccess(user, entity)) };
    }

    private void PlanDelete(CrmUser user, EntitySchema schema, Record record, RecordChangeSet set, List<Diagnostic> diagnostics, HashSet<Guid> deleting, DateTime now)
    {
        if (!deleting.Add(record.Id))
        {
            return;
        }

        set.Writes.Add(new RecordWrite(RecordChangeKind.Deleted, record, record.Version, null, null, []));
        foreach (var field in schema.Fields.Where(f => f.Logged && record.Values[f.Name] is not null))
        {
            set.ChangeLog.Add(new ChangeLogEntry(0, schema.Name, record.Id, RecordChangeKind.Deleted, field.Name, record.Values[field.Name]!.ToJsonString(), null, UserId(user), now));
        }

        set.Events.Add(new RecordEvent(0, schema.Name, record.Id, RecordChangeKind.Deleted, [], RecordValues.Snapshot(record), UserId(user), now));
        foreach (var other in _schemas.All)
        {
            foreach (var lookup in other.Fields.Where(f => f.Lookup?.Entity == schema.Name))
            {
                var referring = _store.FindReferencing(other.Name, lookup.Name, record.Id).Where(r => !deleting.Contains(r.Id)).ToList();
                if (referring.Count == 0)
                {
                    continue;
                }

                switch (lookup.Lookup!.OnDelete)
                {
                    case DeleteBehavior.Restrict:
                        diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, "REC020",
                            $"{referring.Count} {other.DisplayName} record(s) refer to this {schema.DisplayName} through '{lookup.Name}' (for example '{Display(other, referring[0].Values)}'); change or delete them first.",
                            ElementId: $"{other.Name}.{lookup.Name}"));
                        break;
                    case DeleteBehavior.Cascade:
                        foreach (var child in referring)
                        {
                            PlanDelete(user, other, child, set, diagnostics, deleting, now);
                        }

                        break;
                    default:
                        foreach (var child in referring)
                        {
                            var values = (JsonObject)child.Values.DeepClone();
                            values.Remove(lookup.Name);
                            var cleared = child with { Version = child.Version + 1, ModifiedOn = now, ModifiedBy = UserId(user), Values = values };
                            AddUpdate(set, other, child, cleared, [lookup], DuplicateNormalizer.Keys(other, values), user, now);
                        }

                        break;
                }
            }
        }
    }

    /// <summary>One page of records the user may read, without the fields they may not see.</summary>
    public QueryResult Query(CrmUser user, RecordQuery query)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(query);
        if (Prepare(user, query.Entity, EntityOperation.Read) is { } refused)
        {
            return new QueryResult(null, refused.Failure, refused.Diagnostics);
        }

        var schema = _schemas.Find(query.Entity)!;
        var access = schema.RecordRights && !user.IsAdministrator ? new RecordAccessFilter(user.Id, user.Roles) : null;
        var (plan, diagnostics) = QueryPlanner.Plan(schema, query, _schemas.Find, e => _access.FieldAccess(user, e), access);
        if (plan is null)
        {
            return new QueryResult(null, RecordFailure.Invalid, diagnostics);
        }

        var page = _store.Query(plan);
        var fieldAccess = _access.FieldAccess(user, schema.Name);
        return new QueryResult(page with { Records = page.Records.Select(r => Visible(r, fieldAccess)).ToList() }, RecordFailure.None, []);
    }

    /// <summary>The change log of an entity (optionally one record or field), without the fields the user may not see.</summary>
    public IReadOnlyList<ChangeLogEntry>? ChangeLog(CrmUser user, ChangeLogQuery query)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(query);
        if (Prepare(user, query.Entity, EntityOperation.Read) is not null)
        {
            return null;
        }

        var fieldAccess = _access.FieldAccess(user, query.Entity);
        return _store.ChangeLog(query)
            .Where(e => !fieldAccess.TryGetValue(e.Field, out var level) || level != FieldAccess.Hidden)
            .ToList();
    }

    /// <summary>Every group of duplicate records of the entity, per rule (the bulk check).</summary>
    public IReadOnlyList<DuplicateGroup>? FindDuplicates(CrmUser user, string entity)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Prepare(user, entity, EntityOperation.Read) is null ? _store.DuplicateGroups(entity) : null;
    }

    /// <summary>Gives a user or role rights on one record; only its owner or an administrator may.</summary>
    public RecordResult Grant(CrmUser user, RecordGrant grant)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(grant);
        if (Prepare(user, grant.Entity, EntityOperation.Read) is { } refused)
        {
            return refused;
        }

        var record = _store.Find(grant.Entity, grant.RecordId);
        if (record is null)
        {
            return RecordResult.Fail(RecordFailure.NotFound, NotFound(grant.Entity, grant.RecordId));
        }

        if (!user.IsAdministrator && record.Owner != user.Id)
        {
            return RecordResult.Fail(RecordFailure.Forbidden, Forbidden("ACC004", "Only the record's owner or an administrator may grant rights on it.", grant.RecordId.ToString("D")));
        }

        _store.RemoveGrant(grant.RecordId, grant.Kind, grant.Grantee);
        var set = new RecordChangeSet();
        set.Grants.Add(grant);
        _store.Commit(set);
        return new RecordResult { Record = record };
    }

    private static void AddUpdate(RecordChangeSet set, EntitySchema schema, Record before, Record after, IReadOnlyList<FieldDefinition> changed, IReadOnlyList<DuplicateKey> keys, CrmUser user, DateTime now)
    {
        set.Writes.Add(new RecordWrite(RecordChangeKind.Updated, after, before.Version, Display(schema, after.Values), SearchText(schema, after.Values), keys));
        foreach (var field in changed.Where(f => f.Logged))
        {
            set.ChangeLog.Add(new ChangeLogEntry(0, schema.Name, after.Id, RecordChangeKind.Updated, field.Name,
                before.Values[field.Name]?.ToJsonString(), after.Values[field.Name]?.ToJsonString(), UserId(user), now));
        }

        set.Events.Add(new RecordEvent(0, schema.Name, after.Id, RecordChangeKind.Updated, changed.Select(f => f.Name).ToList(), RecordValues.Snapshot(after), UserId(user), now));
    }

    private RecordResult? Commit(RecordChangeSet set, EntitySchema schema, Guid id, long expectedVersion)
    {
        try
        {
            _store.Commit(set);
            return null;
        }
        catch (RecordConcurrencyException)
        {
            return Conflict(schema, id, expectedVersion, null);
        }
    }

    private static RecordResult Conflict(EntitySchema schema, Guid id, long expected, long? actual) =>
        RecordResult.Fail(RecordFailure.Conflict, new Diagnostic(DiagnosticSeverity.Error, "REC030",
            $"This {schema.DisplayName} record was changed by someone else since you read it (you had version {expected}{(actual is { } a ? $", it is now at version {a}" : string.Empty)}); read it again and repeat your change.",
            ElementId: id.ToString("D")));

    private (IReadOnlyList<DuplicateMatch> Warnings, RecordResult? Blocked) CheckDuplicates(EntitySchema schema, IReadOnlyList<DuplicateKey> keys, Guid? except)
    {
        if (keys.Count == 0)
        {
            return ([], null);
        }

        var matches = _store.FindDuplicates(schema.Name, keys, except);
        var blocking = matches.Where(m => schema.DuplicateRules.First(r => r.Name == m.Rule).Action == DuplicateAction.Block).ToList();
        if (blocking.Count > 0)
        {
            return ([], RecordResult.Fail(RecordFailure.Duplicate, [.. blocking.Select(m => new Diagnostic(DiagnosticSeverity.Error, "REC040",
                $"A {schema.DisplayName} '{m.DisplayText}' already matches under the rule '{m.Rule}'; open it instead of creating a duplicate.", ElementId: m.RecordId.ToString("D")))]));
        }

        return (matches, null);
    }

    private void CheckLookups(EntitySchema schema, JsonObject stored, Dictionary<string, HashSet<Guid>> lookups, List<Diagnostic> diagnostics, string prefix)
    {
        foreach (var (target, ids) in lookups)
        {
            var existing = _schemas.Find(target) is null ? new HashSet<Guid>() : _store.ExistingIds(target, ids);
            foreach (var field in schema.Fields.Where(f => f.Lookup?.Entity == target && stored[f.Name] is not null))
            {
                var id = Guid.Parse(stored[field.Name]!.GetValue<string>());
                if (!existing.Contains(id))
                {
                    diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, "REC009", $"{field.Title}: there is no {target} record with id {id}.", ElementId: prefix + field.Name));
                }
            }
        }
    }

    private RecordResult? Prepare(CrmUser user, string entity, EntityOperation operation)
    {
        if (_schemas.Find(entity) is null)
        {
            return RecordResult.Fail(RecordFailure.Invalid, new Diagnostic(DiagnosticSeverity.Error, "REC010",
                $"There is no entity '{entity}'; registered entities are {string.Join(", ", _schemas.All.Select(s => s.Name).Order(StringComparer.Ordinal))}.", ElementId: entity));
        }

        if (!_access.Allows(user, entity, operation))
        {
            return RecordResult.Fail(RecordFailure.Forbidden, Forbidden("ACC001", $"None of your roles may {operation.ToString().ToLowerInvariant()} {entity} records.", entity));
        }

        return null;
    }

    private static Record Visible(Record record, IReadOnlyDictionary<string, FieldAccess> fieldAccess)
    {
        if (!fieldAccess.Values.Contains(FieldAccess.Hidden))
        {
            return record;
        }

        var values = (JsonObject)record.Values.DeepClone();
        foreach (var (field, level) in fieldAccess)
        {
            if (level == FieldAccess.Hidden)
            {
                values.Remove(field);
            }
        }

        return record with { Values = values, LookupDisplay = record.LookupDisplay.Where(p => !(fieldAccess.TryGetValue(p.Key, out var l) && l == FieldAccess.Hidden)).ToDictionary() };
    }

    private static string? Display(EntitySchema schema, JsonObject values) =>
        values[schema.DisplayField] is { } v ? (v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()) : null;

    private static string? SearchText(EntitySchema schema, JsonObject values)
    {
        var parts = new[] { schema.DisplayField }.Concat(schema.SearchFields)
            .Select(f => values[f] is { } v ? (v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()) : null)
            .OfType<string>()
            .ToList();
        return parts.Count == 0 ? null : string.Join(' ', parts).ToLowerInvariant();
    }

    private static Guid? UserId(CrmUser user) => user.Id == Guid.Empty ? null : user.Id;

    private static string? Json(Guid? id) => id is { } g ? $"\"{g:D}\"" : null;

    private static Diagnostic NotFound(string entity, Guid id) =>
        new(DiagnosticSeverity.Error, "REC011", $"There is no {entity} record with id {id} that you may see.", ElementId: id.ToString("D"));

    private static Diagnostic Forbidden(string code, string message, string element) =>
        new(DiagnosticSeverity.Error, code, message, ElementId: element);
}
