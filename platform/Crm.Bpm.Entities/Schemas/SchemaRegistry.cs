using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Bpm.Diagnostics;

namespace Crm.Bpm.Entities.Schemas;

/// <summary>The registered entity schemas with their versions; refuses a change the stored records cannot take, saying why and how many records it concerns.</summary>
public sealed class SchemaRegistry
{
    private readonly ISchemaStore _store;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, EntitySchema> _current = new(StringComparer.Ordinal);
    private readonly Lock _writing = new();

    public SchemaRegistry(ISchemaStore store, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _clock = clock ?? TimeProvider.System;
        Reload();
    }

    /// <summary>The current schemas, by entity name.</summary>
    public IReadOnlyCollection<EntitySchema> All => _current.Values.ToList();

    /// <summary>Reads the newest versions from the store again (after another node registered one).</summary>
    public void Reload()
    {
        _current.Clear();
        foreach (var stored in _store.Latest())
        {
            if (EntitySchemaReader.Read(stored.Document).Schema is { } schema)
            {
                _current[schema.Name] = schema with { Version = stored.Version };
            }
        }
    }

    /// <summary>The current schema of the entity, or null when it is not registered.</summary>
    public EntitySchema? Find(string entity) => _current.TryGetValue(entity, out var schema) ? schema : null;

    public IReadOnlyList<StoredSchema> Versions(string entity) => _store.Versions(entity);

    /// <summary>Registers one schema document.</summary>
    public SchemaChangeResult Register(string json, string? file = null) => Register([(json, file)]);

    /// <summary>Registers several documents together, so they may look each other up; all are registered or none.</summary>
    public SchemaChangeResult Register(IReadOnlyList<(string Json, string? File)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var diagnostics = new List<Diagnostic>();
        var read = new List<(EntitySchema Schema, string? File)>();
        foreach (var (json, file) in documents)
        {
            var result = EntitySchemaReader.Read(json, file);
            diagnostics.AddRange(result.Diagnostics);
            if (result.Schema is { } schema)
            {
                read.Add((schema, file));
            }
        }

        if (diagnostics.Any(d => d.IsError))
        {
            return new SchemaChangeResult([], diagnostics);
        }

        lock (_writing)
        {
            var known = _current.Keys.Concat(read.Select(r => r.Schema.Name)).ToHashSet(StringComparer.Ordinal);
            foreach (var (schema, file) in read)
            {
                foreach (var field in schema.Fields.Where(f => f.Lookup is not null && !known.Contains(f.Lookup.Entity)))
                {
                    diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, "SCH003",
                        $"The lookup '{field.Name}' refers to the entity '{field.Lookup!.Entity}', which is not registered; register it first or together with {schema.Name}.",
                        file, ElementId: $"$.properties.{field.Name}.x-crm-lookup.entity"));
                }
            }

            var plans = new List<(EntitySchema Schema, List<SchemaDataChange> Changes)>();
            foreach (var (schema, file) in read)
            {
                var old = Find(schema.Name);
                if (old is not null && old.Document == schema.Document)
                {
                    continue;
                }

                var changes = new List<SchemaDataChange>();
                if (old is not null)
                {
                    Compare(old, schema, file, changes, diagnostics);
                }

                plans.Add((schema with { Version = (old?.Version ?? 0) + 1 }, changes));
            }

            if (diagnostics.Any(d => d.IsError))
            {
                return new SchemaChangeResult([], diagnostics);
            }

            return new SchemaChangeResult(Save(plans), diagnostics);
        }
    }

    /// <summary>Renames a field of an entity: a new schema version where the field has its new name everywhere, and every record's value moved to it.</summary>
    public SchemaChangeResult RenameField(string entity, string from, string to)
    {
        lock (_writing)
        {
            if (Find(entity) is not { } schema)
            {
                return Refused("SCH004", $"The entity '{entity}' is not registered.", "$");
            }

            if (schema.Field(from) is null)
            {
                return Refused("SCH005", $"{entity} has no field '{from}' to rename.", $"$.properties.{from}");
            }

            if (schema.Field(to) is not null || EntitySchemaReader.SystemFields.Contains(to))
            {
                return Refused("SCH005", $"{entity} already has a field '{to}'; choose a name not in use.", $"$.properties.{to}");
            }

            var document = JsonNode.Parse(schema.Document)!.AsObject();
            var properties = document["properties"]!.AsObject();
            var renamed = new JsonObject();
            foreach (var (name, value) in properties.ToList())
            {
                properties.Remove(name);
                renamed[name == from ? to : name] = value;
            }

            document["properties"] = renamed;
            RenameIn(document["required"] as JsonArray, from, to);
            RenameIn(document["x-crm-searchFields"] as JsonArray, from, to);
            RenameIn(document["x-crm-changeLog"] as JsonArray, from, to);
            if (document["x-crm-displayField"]?.GetValue<string>() == from)
            {
                document["x-crm-displayField"] = to;
            }

            foreach (var list in new[] { document["x-crm-indexes"], document["x-crm-duplicateRules"] }.OfType<JsonArray>())
            {
                foreach (var item in list.OfType<JsonObject>())
                {
                    if (item["fields"] is JsonArray fields)
                    {
                        for (var i = 0; i < fields.Count; i++)
                        {
                            var name = fields[i]!.GetValue<string>();
                            if (name.TrimStart('-') == from)
                            {
                                fields[i] = name.StartsWith('-') ? "-" + to : to;
                            }
                        }
                    }
                }
            }

            var read = EntitySchemaReader.Read(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            if (read.Schema is null)
            {
                return new SchemaChangeResult([], read.Diagnostics);
            }

            return new SchemaChangeResult(Save([(read.Schema with { Version = schema.Version + 1 }, [new SchemaDataChange(from, null, to)])]), []);
        }
    }

    private static void RenameIn(JsonArray? names, string from, string to)
    {
        if (names is null)
        {
            return;
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (names[i]?.GetValue<string>() == from)
            {
                names[i] = to;
            }
        }
    }

    private List<EntitySchema> Save(List<(EntitySchema Schema, List<SchemaDataChange> Changes)> plans)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        foreach (var (schema, changes) in plans)
        {
            _store.Save(new StoredSchema(schema.Name, schema.Version, schema.Document, now), schema, changes);
            _current[schema.Name] = schema;
        }

        return plans.Select(p => p.Schema).ToList();
    }

    private void Compare(EntitySchema old, EntitySchema schema, string? file, List<SchemaDataChange> changes, List<Diagnostic> diagnostics)
    {
        foreach (var field in schema.Fields)
        {
            var path = $"$.properties.{field.Name}";
            var before = old.Field(field.Name);
            if (before is not null && (before.Type != field.Type || before.Lookup?.Entity != field.Lookup?.Entity))
            {
                var holding = _store.CountRecords(schema.Name, field.Name);
                if (holding > 0)
                {
                    diagnostics.Add(Refusal(file, path,
                        $"'{field.Name}' of {schema.Name} cannot change from {Describe(before)} to {Describe(field)}: {holding} record(s) hold a value in it. Add a new field and move the values, or empty the field first."));
                    continue;
                }
            }

            if (before is not null && field.Type == FieldType.List)
            {
                var outside = _store.CountValuesOutside(schema.Name, field.Name, field.ListItems.Select(i => i.Value).ToList());
                if (outside > 0)
                {
                    diagnostics.Add(Refusal(file, $"{path}.x-crm-list",
                        $"'{field.Name}' of {schema.Name} would lose choices that {outside} record(s) hold; keep those choices or change those records first."));
                }
            }

            if (field.Required && (before is null || !before.Required))
            {
                var missing = _store.CountRecords(schema.Name, field.Name, withValue: false);
                if (missing > 0 && field.Default is null)
                {
                    diagnostics.Add(Refusal(file, path,
                        $"'{field.Name}' of {schema.Name} cannot become required without a default: {missing} record(s) have no value for it. Give it a \"default\" or leave it optional."));
                }
                else if (missing > 0)
                {
                    changes.Add(new SchemaDataChange(field.Name, field.Default, null));
                }
            }
        }

        foreach (var removed in old.Fields.Where(f => schema.Field(f.Name) is null))
        {
            var holding = _store.CountRecords(schema.Name, removed.Name);
            if (holding > 0)
            {
                diagnostics.Add(Refusal(file, $"$.properties.{removed.Name}",
                    $"Removing '{removed.Name}' from {schema.Name} would lose the values of {holding} record(s). To rename it use a rename migration (crm records rename-field); to remove it, empty it first."));
            }
        }
    }

    private static string Describe(FieldDefinition field) => field.Lookup is { } l ? $"a lookup to {l.Entity}" : field.Type.ToString();

    private static Diagnostic Refusal(string? file, string path, string message) =>
        new(DiagnosticSeverity.Error, "SCH010", message, file, ElementId: path);

    private static SchemaChangeResult Refused(string code, string message, string path) =>
        new([], [new Diagnostic(DiagnosticSeverity.Error, code, message, ElementId: path)]);
}
