using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Bpm.Diagnostics;
using Crm.Bpm.Entities.Access;
using Crm.Bpm.Entities.Records;
using Crm.Bpm.Entities.Schemas;

namespace Crm.Bpm.Entities.Queries;

/// <summary>Checks a query against the entity's schema and the user's field rights, and converts its values to storage types.</summary>
public static class QueryPlanner
{
    /// <summary>The largest page a query may ask for.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Plans <paramref name="query"/>; each unknown entity, field, operator misuse or wrong value is one diagnostic whose element id is the filter's path.</summary>
    public static (QueryPlan? Plan, IReadOnlyList<Diagnostic> Diagnostics) Plan(
        EntitySchema schema,
        RecordQuery query,
        Func<string, EntitySchema?> schemas,
        Func<string, IReadOnlyDictionary<string, FieldAccess>> fieldAccess,
        RecordAccessFilter? access)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(schemas);
        ArgumentNullException.ThrowIfNull(fieldAccess);
        var diagnostics = new List<Diagnostic>();
        var filters = new List<PlannedFilter>();
        for (var i = 0; i < query.Filters.Count; i++)
        {
            var filter = query.Filters[i];
            var path = $"filters[{i}]";
            if (Resolve(schema, filter.Field, path, schemas, fieldAccess, diagnostics) is not { } field)
            {
                continue;
            }

            var values = Values(field, filter, path, diagnostics);
            if (values is not null)
            {
                filters.Add(new PlannedFilter(field, filter.Operator, values));
            }
        }

        var sort = new List<PlannedSort>();
        for (var i = 0; i < query.Sort.Count; i++)
        {
            if (Resolve(schema, query.Sort[i].Field, $"sort[{i}]", schemas, fieldAccess, diagnostics) is { } field)
            {
                sort.Add(new PlannedSort(field, query.Sort[i].Descending));
            }
        }

        if (query.PageSize is < 1 or > MaxPageSize)
        {
            diagnostics.Add(Error("QRY005", $"The page size must be between 1 and {MaxPageSize}, not {query.PageSize}.", "pageSize"));
        }

        QueryCursor? cursor = null;
        if (query.After is { } after && diagnostics.Count == 0)
        {
            cursor = QueryCursor.Decode(after, sort);
            if (cursor is null)
            {
                diagnostics.Add(Error("QRY006", "The cursor does not belong to this query; pass the nextCursor of the previous page of the same query.", "after"));
            }
        }

        var words = (query.Search ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.ToLowerInvariant()).ToList();
        var myAccess = fieldAccess(schema.Name);
        var displays = schema.Fields
            .Where(f => f.Lookup is not null && Visible(myAccess, f.Name))
            .Select(f => schemas(f.Lookup!.Entity) is { } target ? new LookupDisplay(f.Name, target.Name, target.DisplayField) : null)
            .OfType<LookupDisplay>()
            .ToList();
        if (diagnostics.Count > 0)
        {
            return (null, diagnostics);
        }

        return (new QueryPlan
        {
            Schema = schema,
            Filters = filters,
            Sort = sort,
            PageSize = query.PageSize,
            After = cursor,
            SearchWords = words,
            Access = access,
            LookupDisplays = displays,
        }, diagnostics);
    }

    private static bool Visible(IReadOnlyDictionary<string, FieldAccess> access, string field) =>
        !access.TryGetValue(field, out var level) || level != FieldAccess.Hidden;

    private static PlannedField? Resolve(
        EntitySchema schema,
        string path,
        string where,
        Func<string, EntitySchema?> schemas,
        Func<string, IReadOnlyDictionary<string, FieldAccess>> fieldAccess,
        List<Diagnostic> diagnostics)
    {
        var parts = path.Split('.');
        if (parts.Length > 2 || parts.Any(string.IsNullOrEmpty))
        {
            diagnostics.Add(Error("QRY002", $"'{path}' is not a field path; use a field ('status') or a lookup and a field of its entity ('account.name').", where));
            return null;
        }

        if (parts.Length == 1)
        {
            return Field(schema, parts[0], null, null, where, fieldAccess(schema.Name), diagnostics, path);
        }

        var lookup = schema.Field(parts[0]);
        if (lookup?.Lookup is null)
        {
            diagnostics.Add(Error("QRY002", lookup is null
                ? $"{schema.Name} has no field '{parts[0]}'; fields are {string.Join(", ", schema.Fields.Select(f => f.Name))}."
                : $"'{parts[0]}' of {schema.Name} is not a lookup, so '{path}' cannot reach another entity.", where));
            return null;
        }

        if (!Visible(fieldAccess(schema.Name), lookup.Name))
        {
            diagnostics.Add(Error("QRY003", $"You may not see the field '{lookup.Name}' of {schema.Name}, so you cannot filter or sort on it.", where));
            return null;
        }

        if (schemas(lookup.Lookup.Entity) is not { } target)
        {
            diagnostics.Add(Error("QRY001", $"The lookup '{lookup.Name}' refers to the entity '{lookup.Lookup.Entity}', which is not registered.", where));
            return null;
        }

        return Field(target, parts[1], lookup.Name, target.Name, where, fieldAccess(target.Name), diagnostics, path);
    }

    private static PlannedField? Field(
        EntitySchema schema,
        string name,
        string? lookup,
        string? lookupEntity,
        string where,
        IReadOnlyDictionary<string, FieldAccess> access,
        List<Diagnostic> diagnostics,
        string path)
    {
        if (EntitySchemaReader.SystemFields.Contains(name))
        {
            var type = name switch
            {
                "createdOn" or "modifiedOn" => FieldType.DateTime,
                "version" => FieldType.Integer,
                _ => FieldType.Lookup,
            };
            return new PlannedField(path, lookup, lookupEntity, name, null, type);
        }

        if (schema.Field(name) is not { } field)
        {
            diagnostics.Add(Error("QRY002", $"{schema.Name} has no field '{name}'; fields are {string.Join(", ", schema.Fields.Select(f => f.Name))} and the system fields {string.Join(", ", EntitySchemaReader.SystemFields)}.", where));
            return null;
        }

        if (!Visible(access, name))
        {
            diagnostics.Add(Error("QRY003", $"You may not see the field '{name}' of {schema.Name}, so you cannot filter or sort on it.", where));
            return null;
        }

        return new PlannedField(path, lookup, lookupEntity, null, name, field.Type);
    }

    private static List<object?>? Values(PlannedField field, QueryFilter filter, string where, List<Diagnostic> diagnostics)
    {
        var values = new List<object?>();
        switch (filter.Operator)
        {
            case FilterOperator.IsEmpty or FilterOperator.IsNotEmpty:
                return values;
            case FilterOperator.In:
                if (filter.Value is not JsonArray items || items.Count == 0)
                {
                    diagnostics.Add(Error("QRY004", $"'in' on '{filter.Field}' needs a non-empty array of values.", where));
                    return null;
                }

                foreach (var item in items)
                {
                    values.Add(One(item));
                }

                break;
            case FilterOperator.Between:
                values.Add(One(filter.Value));
                values.Add(One(filter.To));
                break;
            case FilterOperator.Contains or FilterOperator.StartsWith:
                if (field.Type is not (FieldType.Text or FieldType.List))
                {
                    diagnostics.Add(Error("QRY004", $"'{filter.Operator}' applies to text fields; '{filter.Field}' is {field.Type}.", where));
                    return null;
                }

                values.Add(One(filter.Value));
                break;
            default:
                if (field.Type == FieldType.Boolean && filter.Operator is not (FilterOperator.Equal or FilterOperator.NotEqual))
                {
                    diagnostics.Add(Error("QRY004", $"A yes/no field such as '{filter.Field}' can only be compared for equality.", where));
                    return null;
                }

                values.Add(One(filter.Value));
                break;
        }

        return values.Contains(Invalid) ? null : values;

        object? One(JsonNode? node)
        {
            if (node is null)
            {
                diagnostics.Add(Error("QRY004", $"The filter on '{filter.Field}' needs a value; to find empty fields use 'isEmpty'.", where));
                return Invalid;
            }

            var value = Convert(field, node, out var error);
            if (error is not null)
            {
                diagnostics.Add(Error("QRY004", $"The value {node.ToJsonString()} for '{filter.Field}': {error}", where));
                return Invalid;
            }

            return value;
        }
    }

    private static readonly object Invalid = new();

    /// <summary>Converts a JSON value to the storage type of the field: string, decimal, bool or DateTime (UTC).</summary>
    public static object? Convert(PlannedField field, JsonNode value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        error = null;
        var kind = value.GetValueKind();
        if (field.Column is "createdOn" or "modifiedOn")
        {
            if (kind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return at.UtcDateTime;
            }

            error = "expected a date and time such as \"2026-11-23T10:00:00Z\".";
            return null;
        }

        switch (field.Type)
        {
            case FieldType.Integer or FieldType.Number:
                if (kind == JsonValueKind.Number && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return number;
                }

                error = "expected a number.";
                return null;
            case FieldType.Boolean:
                if (kind is JsonValueKind.True or JsonValueKind.False)
                {
                    return kind == JsonValueKind.True;
                }

                error = "expected true or false.";
                return null;
            case FieldType.Lookup:
                if (kind == JsonValueKind.String && Guid.TryParse(value.GetValue<string>(), out var id))
                {
                    return id.ToString("D");
                }

                error = "expected a record id (a GUID).";
                return null;
            case FieldType.Date or FieldType.DateTime:
                if (kind == JsonValueKind.String && RecordValues.Canonical(field.Type, value.GetValue<string>()) is { } text)
                {
                    return text;
                }

                error = field.Type == FieldType.Date ? "expected a date such as \"2026-11-23\"." : "expected a date and time such as \"2026-11-23T10:00:00Z\".";
                return null;
            default:
                if (kind == JsonValueKind.String)
                {
                    return value.GetValue<string>();
                }

                error = "expected text.";
                return null;
        }
    }

    private static Diagnostic Error(string code, string message, string where) =>
        new(DiagnosticSeverity.Error, code, message, ElementId: where);
}
