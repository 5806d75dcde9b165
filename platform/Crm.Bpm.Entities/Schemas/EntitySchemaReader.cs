using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Crm.Bpm.Diagnostics;
using NJsonSchema;

namespace Crm.Bpm.Entities.Schemas;

/// <summary>Reads an entity schema document (JSON Schema 2020-12 with <c>x-crm-*</c> keywords) into an <see cref="EntitySchema"/>, or says where it is wrong.</summary>
/// <remarks>
/// The standard keywords are read through NJsonSchema; the document is first walked keyword by keyword so that a
/// mistake is reported with the JSON path of the offending value (<c>$.properties.email.maxLength</c>) in
/// <see cref="Diagnostic.ElementId"/>, every mistake at once.
/// </remarks>
public static class EntitySchemaReader
{
    private static readonly HashSet<string> JsonTypes = ["string", "integer", "number", "boolean", "null", "object", "array"];
    private static readonly HashSet<string> RootCrmKeywords =
        ["x-crm-entity", "x-crm-displayName", "x-crm-displayField", "x-crm-searchFields", "x-crm-indexes", "x-crm-duplicateRules", "x-crm-recordRights", "x-crm-changeLog"];

    private static readonly HashSet<string> FieldCrmKeywords = ["x-crm-lookup", "x-crm-list", "x-crm-indexed", "x-crm-readOnly"];

    /// <summary>Field names the system keeps on every record; a schema cannot define them.</summary>
    public static IReadOnlySet<string> SystemFields { get; } = new HashSet<string>(StringComparer.Ordinal)
        { "id", "version", "owner", "createdOn", "createdBy", "modifiedOn", "modifiedBy" };

    private static readonly Regex NamePattern = new("^[A-Za-z][A-Za-z0-9_]{0,62}$", RegexOptions.CultureInvariant);

    /// <summary>Reads <paramref name="json"/>; <paramref name="file"/> names it in diagnostics.</summary>
    public static SchemaReadResult Read(string json, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var diagnostics = new List<Diagnostic>();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, "SCH001", $"The schema is not valid JSON: {FirstSentence(e.Message)}",
                file, (int?)(e.LineNumber + 1), (int?)(e.BytePositionInLine + 1), e.Path ?? "$"));
            return new SchemaReadResult(null, diagnostics);
        }

        var check = new Checker(diagnostics, file);
        if (root is not JsonObject document)
        {
            check.Error("$", "An entity schema must be a JSON object with \"type\": \"object\" and \"properties\".");
            return new SchemaReadResult(null, diagnostics);
        }

        check.Document(document);
        if (diagnostics.Any(d => d.IsError))
        {
            return new SchemaReadResult(null, diagnostics);
        }

        JsonSchema parsed;
        try
        {
            parsed = JsonSchema.FromJsonAsync(json).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or Newtonsoft.Json.JsonException)
        {
            check.Error("$", $"NJsonSchema cannot read the schema: {FirstSentence(e.Message)}");
            return new SchemaReadResult(null, diagnostics);
        }

        return new SchemaReadResult(Build(document, parsed, json), diagnostics);
    }

    private static EntitySchema Build(JsonObject document, JsonSchema parsed, string json)
    {
        var name = document["x-crm-entity"]!.GetValue<string>();
        var logged = document["x-crm-changeLog"] switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.True => null,
            JsonArray a => a.Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal),
            _ => new HashSet<string>(StringComparer.Ordinal),
        };
        var properties = (JsonObject)document["properties"]!;
        var fields = new List<FieldDefinition>();
        foreach (var (fieldName, node) in properties)
        {
            var property = (JsonObject)node!;
            var standard = parsed.ActualProperties[fieldName];
            var lookup = property["x-crm-lookup"] is JsonObject l
                ? new LookupReference(l["entity"]!.GetValue<string>(), ParseDeleteBehavior(l["onDelete"]?.GetValue<string>()))
                : null;
            var list = property["x-crm-list"] is JsonArray items
                ? items.Select(i => new LookupListItem(i!["value"]!.GetValue<string>(), i["label"]?.GetValue<string>() ?? i["value"]!.GetValue<string>())).ToList()
                : [];
            var format = property["format"]?.GetValue<string>();
            fields.Add(new FieldDefinition
            {
                Name = fieldName,
                Title = standard.Title ?? fieldName,
                Type = TypeOf(JsonTypeName(property), format, lookup, list),
                Format = FormatOf(format),
                Required = standard.IsRequired,
                Default = property["default"]?.DeepClone(),
                MinLength = standard.MinLength == 0 ? null : standard.MinLength,
                MaxLength = standard.MaxLength,
                Minimum = standard.Minimum,
                Maximum = standard.Maximum,
                Pattern = standard.Pattern,
                Lookup = lookup,
                ListItems = list,
                Indexed = property["x-crm-indexed"]?.GetValue<bool>() ?? false,
                ReadOnly = property["x-crm-readOnly"]?.GetValue<bool>() ?? false,
                Logged = logged is null || logged.Contains(fieldName),
            });
        }

        var indexes = new List<EntityIndex>();
        foreach (var field in fields.Where(f => f.Indexed || f.Lookup is not null))
        {
            indexes.Add(new EntityIndex(field.Name, [new IndexedField(field.Name, false)]));
        }

        if (document["x-crm-indexes"] is JsonArray declared)
        {
            foreach (var index in declared.OfType<JsonObject>())
            {
                var columns = index["fields"]!.AsArray().Select(f => f!.GetValue<string>())
                    .Select(f => f.StartsWith('-') ? new IndexedField(f[1..], true) : new IndexedField(f, false)).ToList();
                indexes.Add(new EntityIndex(index["name"]?.GetValue<string>() ?? string.Join('_', columns.Select(c => c.Field)), columns));
            }
        }

        var rules = document["x-crm-duplicateRules"] is JsonArray r
            ? r.OfType<JsonObject>().Select(rule => new DuplicateRule(
                rule["name"]!.GetValue<string>(),
                rule["fields"]!.AsArray().Select(f => f!.GetValue<string>()).ToList(),
                rule["action"]?.GetValue<string>() == "block" ? DuplicateAction.Block : DuplicateAction.Warn)).ToList()
            : [];
        var rights = document["x-crm-recordRights"];
        var grants = rights is JsonObject o && o["defaultGrants"] is JsonArray g
            ? g.OfType<JsonObject>().Select(t => new RecordGrantTemplate(
                t["role"]!.GetValue<string>(),
                t["read"]?.GetValue<bool>() ?? true,
                t["update"]?.GetValue<bool>() ?? false,
                t["delete"]?.GetValue<bool>() ?? false)).ToList()
            : [];

        return new EntitySchema
        {
            Name = name,
            DisplayName = document["x-crm-displayName"]?.GetValue<string>() ?? parsed.Title ?? name,
            DisplayField = document["x-crm-displayField"]!.GetValue<string>(),
            SearchFields = document["x-crm-searchFields"] is JsonArray s ? s.Select(n => n!.GetValue<string>()).ToList() : [],
            Fields = fields,
            Indexes = indexes,
            DuplicateRules = rules,
            RecordRights = rights is JsonObject || (rights is JsonValue rv && rv.GetValueKind() == JsonValueKind.True),
            DefaultGrants = grants,
            Document = json,
        };
    }

    private static DeleteBehavior ParseDeleteBehavior(string? text) => text switch
    {
        "cascade" => DeleteBehavior.Cascade,
        "clear" => DeleteBehavior.Clear,
        _ => DeleteBehavior.Restrict,
    };

    internal static string? JsonTypeName(JsonObject property) => property["type"] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonArray a => a.Select(n => n?.GetValue<string>()).FirstOrDefault(t => t != "null"),
        _ => null,
    };

    private static FieldType TypeOf(string? type, string? format, LookupReference? lookup, List<LookupListItem> list)
    {
        if (lookup is not null)
        {
            return FieldType.Lookup;
        }

        if (list.Count > 0)
        {
            return FieldType.List;
        }

        return (type, format) switch
        {
            ("integer", _) => FieldType.Integer,
            ("number", _) => FieldType.Number,
            ("boolean", _) => FieldType.Boolean,
            ("string", "date") => FieldType.Date,
            ("string", "date-time") => FieldType.DateTime,
            _ => FieldType.Text,
        };
    }

    private static FieldFormat FormatOf(string? format) => format switch
    {
        "money" => FieldFormat.Money,
        "phone" => FieldFormat.Phone,
        "email" => FieldFormat.Email,
        "uri" or "url" => FieldFormat.Url,
        _ => FieldFormat.None,
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    /// <summary>Walks the document and reports each keyword whose value JSON Schema or the CRM keywords do not allow.</summary>
    private sealed class Checker(List<Diagnostic> diagnostics, string? file)
    {
        public void Error(string path, string message) =>
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, "SCH002", message, file, ElementId: path));

        public void Document(JsonObject document)
        {
            if (document["$schema"] is { } dialect && (dialect.GetValueKind() != JsonValueKind.String || !dialect.GetValue<string>().Contains("2020-12", StringComparison.Ordinal)))
            {
                Error("$.$schema", "\"$schema\" must be \"https://json-schema.org/draft/2020-12/schema\" (entity schemas are JSON Schema 2020-12).");
            }

            if (document["type"] is not JsonValue t || t.GetValueKind() != JsonValueKind.String || t.GetValue<string>() != "object")
            {
                Error("$.type", "An entity schema must have \"type\": \"object\".");
            }

            var entity = String(document, "$", "x-crm-entity", required: true);
            if (entity is not null && !NamePattern.IsMatch(entity))
            {
                Error("$.x-crm-entity", $"The entity name '{entity}' must start with a letter and hold only letters, digits and '_' (at most 63).");
            }

            String(document, "$", "x-crm-displayName", required: false);
            String(document, "$", "title", required: false);
            foreach (var (key, _) in document)
            {
                if (key.StartsWith("x-crm-", StringComparison.Ordinal) && !RootCrmKeywords.Contains(key))
                {
                    Error($"$.{key}", $"Unknown keyword '{key}'; the entity keywords are {string.Join(", ", RootCrmKeywords)}.");
                }
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            if (document["properties"] is not JsonObject properties)
            {
                Error("$.properties", "\"properties\" must be an object with one entry per field.");
            }
            else
            {
                foreach (var (name, node) in properties)
                {
                    names.Add(name);
                    Field($"$.properties.{name}", name, node);
                }
            }

            if (document["required"] is { } required)
            {
                StringArray(required, "$.required", names, "field");
            }

            var display = String(document, "$", "x-crm-displayField", required: true);
            if (display is not null && names.Count > 0 && !names.Contains(display))
            {
                Error("$.x-crm-displayField", $"The display field '{display}' is not one of the properties.");
            }

            if (document["x-crm-searchFields"] is { } search)
            {
                StringArray(search, "$.x-crm-searchFields", names, "field");
            }

            if (document["x-crm-changeLog"] is { } log && log.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                StringArray(log, "$.x-crm-changeLog", names, "field");
            }

            Indexes(document["x-crm-indexes"], names);
            DuplicateRules(document["x-crm-duplicateRules"], names);
            RecordRights(document["x-crm-recordRights"]);
        }

        private void Field(string path, string name, JsonNode? node)
        {
            if (!NamePattern.IsMatch(name))
            {
                Error(path, $"The field name '{name}' must start with a letter and hold only letters, digits and '_'.");
            }

            if (SystemFields.Contains(name))
            {
                Error(path, $"'{name}' is a system field every record has; choose another name.");
            }

            if (node is not JsonObject property)
            {
                Error(path, "A property must be a JSON Schema object such as {\"type\": \"string\"}.");
                return;
            }

            string? type = null;
            switch (property["type"])
            {
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    type = v.GetValue<string>();
                    if (!JsonTypes.Contains(type))
                    {
                        Error($"{path}.type", $"'{type}' is not a JSON Schema type; use string, integer, number or boolean.");
                        type = null;
                    }

                    break;
                case JsonArray a:
                    foreach (var (item, i) in a.Select((n, i) => (n, i)))
                    {
                        if (item is not JsonValue iv || iv.GetValueKind() != JsonValueKind.String || !JsonTypes.Contains(iv.GetValue<string>()))
                        {
                            Error($"{path}.type[{i}]", "Each entry of \"type\" must be a JSON Schema type name.");
                        }
                    }

                    type = JsonTypeName(property);
                    break;
                case null:
                    Error($"{path}.type", "A field needs a \"type\" (string, integer, number or boolean).");
                    break;
                default:
                    Error($"{path}.type", "\"type\" must be a type name or an array of type names.");
                    break;
            }

            if (type is "object" or "array")
            {
                Error($"{path}.type", $"A field cannot be of type {type}; model related data as another entity with a lookup.");
            }

            foreach (var keyword in new[] { "minLength", "maxLength" })
            {
                if (property[keyword] is { } n && (n.GetValueKind() != JsonValueKind.Number || !int.TryParse(n.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                {
                    Error($"{path}.{keyword}", $"\"{keyword}\" must be a non-negative whole number.");
                }
            }

            foreach (var keyword in new[] { "minimum", "maximum" })
            {
                if (property[keyword] is { } n && n.GetValueKind() != JsonValueKind.Number)
                {
                    Error($"{path}.{keyword}", $"\"{keyword}\" must be a number.");
                }
            }

            if (String(property, path, "pattern", required: false) is { } pattern)
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException)
                {
                    Error($"{path}.pattern", $"\"pattern\" '{pattern}' is not a valid regular expression.");
                }
            }

            String(property, path, "title", required: false);
            var format = String(property, path, "format", required: false);
            if (format is "money" && type is not ("number" or null))
            {
                Error($"{path}.format", "The money format applies to fields of type number.");
            }

            if (format is "email" or "phone" or "uri" or "url" or "date" or "date-time" && type is not ("string" or null))
            {
                Error($"{path}.format", $"The {format} format applies to fields of type string.");
            }

            if (property["enum"] is { } e && e is not JsonArray)
            {
                Error($"{path}.enum", "\"enum\" must be an array of the allowed values.");
            }

            foreach (var (key, _) in property)
            {
                if (key.StartsWith("x-crm-", StringComparison.Ordinal) && !FieldCrmKeywords.Contains(key))
                {
                    Error($"{path}.{key}", $"Unknown keyword '{key}'; the field keywords are {string.Join(", ", FieldCrmKeywords)}.");
                }
            }

            foreach (var keyword in new[] { "x-crm-indexed", "x-crm-readOnly" })
            {
                if (property[keyword] is { } b && b.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    Error($"{path}.{keyword}", $"\"{keyword}\" must be true or false.");
                }
            }

            if (property["x-crm-lookup"] is { } lookup)
            {
                if (lookup is not JsonObject l)
                {
                    Error($"{path}.x-crm-lookup", "\"x-crm-lookup\" must be an object such as {\"entity\": \"Account\", \"onDelete\": \"clear\"}.");
                }
                else
                {
                    String(l, $"{path}.x-crm-lookup", "entity", required: true);
                    if (String(l, $"{path}.x-crm-lookup", "onDelete", required: false) is { } behavior && behavior is not ("restrict" or "cascade" or "clear"))
                    {
                        Error($"{path}.x-crm-lookup.onDelete", $"'{behavior}' is not a delete behaviour; use restrict, cascade or clear.");
                    }

                    if (type is not ("string" or null))
                    {
                        Error($"{path}.type", "A lookup field holds the referred record's id: its type must be string (format uuid).");
                    }
                }
            }

            if (property["x-crm-list"] is { } list)
            {
                if (list is not JsonArray items || items.Count == 0)
                {
                    Error($"{path}.x-crm-list", "\"x-crm-list\" must be a non-empty array of {\"value\": ..., \"label\": ...}.");
                }
                else
                {
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (items[i] is not JsonObject item)
                        {
                            Error($"{path}.x-crm-list[{i}]", "Each choice must be an object {\"value\": ..., \"label\": ...}.");
                            continue;
                        }

                        String(item, $"{path}.x-crm-list[{i}]", "value", required: true);
                        String(item, $"{path}.x-crm-list[{i}]", "label", required: false);
                    }
                }
            }
        }

        private void Indexes(JsonNode? node, HashSet<string> names)
        {
            if (node is null)
            {
                return;
            }

            if (node is not JsonArray indexes)
            {
                Error("$.x-crm-indexes", "\"x-crm-indexes\" must be an array of {\"name\": ..., \"fields\": [...]}.");
                return;
            }

            for (var i = 0; i < indexes.Count; i++)
            {
                var path = $"$.x-crm-indexes[{i}]";
                if (indexes[i] is not JsonObject index)
                {
                    Error(path, "An index must be an object {\"name\": ..., \"fields\": [\"field\", \"-descendingField\"]}.");
                    continue;
                }

                String(index, path, "name", required: false);
                if (index["fields"] is not JsonArray fields || fields.Count == 0)
                {
                    Error($"{path}.fields", "\"fields\" must be a non-empty array of field names (prefix '-' for descending).");
                    continue;
                }

                for (var j = 0; j < fields.Count; j++)
                {
                    var field = fields[j] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>().TrimStart('-') : null;
                    if (field is null || (!names.Contains(field) && !SystemFields.Contains(field)))
                    {
                        Error($"{path}.fields[{j}]", $"'{fields[j]?.ToJsonString()}' is not a field of the entity.");
                    }
                }
            }
        }

        private void DuplicateRules(JsonNode? node, HashSet<string> names)
        {
            if (node is null)
            {
                return;
            }

            if (node is not JsonArray rules)
            {
                Error("$.x-crm-duplicateRules", "\"x-crm-duplicateRules\" must be an array of {\"name\", \"fields\", \"action\"}.");
                return;
            }

            for (var i = 0; i < rules.Count; i++)
            {
                var path = $"$.x-crm-duplicateRules[{i}]";
                if (rules[i] is not JsonObject rule)
                {
                    Error(path, "A duplicate rule must be an object {\"name\", \"fields\", \"action\": \"warn\"|\"block\"}.");
                    continue;
                }

                String(rule, path, "name", required: true);
                if (rule["fields"] is not { } fields)
                {
                    Error($"{path}.fields", "A duplicate rule needs \"fields\": the fields that must all match.");
                }
                else
                {
                    StringArray(fields, $"{path}.fields", names, "field");
                }

                if (String(rule, path, "action", required: false) is { } action && action is not ("warn" or "block"))
                {
                    Error($"{path}.action", $"'{action}' is not a duplicate action; use warn or block.");
                }
            }
        }

        private void RecordRights(JsonNode? node)
        {
            if (node is null || node.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                return;
            }

            if (node is not JsonObject rights)
            {
                Error("$.x-crm-recordRights", "\"x-crm-recordRights\" must be true, false or {\"defaultGrants\": [...]}.");
                return;
            }

            if (rights["defaultGrants"] is not { } grants)
            {
                return;
            }

            if (grants is not JsonArray list)
            {
                Error("$.x-crm-recordRights.defaultGrants", "\"defaultGrants\" must be an array of {\"role\", \"read\", \"update\", \"delete\"}.");
                return;
            }

            for (var i = 0; i < list.Count; i++)
            {
                var path = $"$.x-crm-recordRights.defaultGrants[{i}]";
                if (list[i] is not JsonObject grant)
                {
                    Error(path, "A grant must be an object {\"role\": ..., \"read\": true, \"update\": false, \"delete\": false}.");
                    continue;
                }

                String(grant, path, "role", required: true);
                foreach (var key in new[] { "read", "update", "delete" })
                {
                    if (grant[key] is { } b && b.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        Error($"{path}.{key}", $"\"{key}\" must be true or false.");
                    }
                }
            }
        }

        private string? String(JsonObject owner, string path, string key, bool required)
        {
            var node = owner[key];
            if (node is null)
            {
                if (required)
                {
                    Error($"{path}.{key}", $"\"{key}\" is required.");
                }

                return null;
            }

            if (node.GetValueKind() != JsonValueKind.String)
            {
                Error($"{path}.{key}", $"\"{key}\" must be a string.");
                return null;
            }

            return node.GetValue<string>();
        }

        private void StringArray(JsonNode node, string path, HashSet<string> names, string what)
        {
            if (node is not JsonArray array)
            {
                Error(path, $"Expected an array of {what} names.");
                return;
            }

            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
                {
                    Error($"{path}[{i}]", $"Expected a {what} name (a string).");
                }
                else if (names.Count > 0 && !names.Contains(v.GetValue<string>()))
                {
                    Error($"{path}[{i}]", $"'{v.GetValue<string>()}' is not a field of the entity.");
                }
            }
        }
    }
}
