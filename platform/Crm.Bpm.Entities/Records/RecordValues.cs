using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Crm.Bpm.Diagnostics;
using Crm.Bpm.Entities.Schemas;

namespace Crm.Bpm.Entities.Records;

/// <summary>Checks a record's values against its schema, every field at once, and brings them to their stored form (trimmed text, UTC ISO dates, lower-case ids).</summary>
public static class RecordValues
{
    // Linear-time matching needs no timeout, which cost a clock read per match (a tenth of a batch's validation time).
    private static readonly Regex Email = new(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    private static readonly Regex Phone = new(@"^\+?[0-9 ()\-./]{5,32}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    /// <summary>Checks <paramref name="values"/> (the whole record after the change) and returns its stored form; lookup ids to check for existence are added to <paramref name="lookups"/>.</summary>
    /// <remarks>
    /// <para><c>prefix</c>: Put before field names in element ids (<c>$[3].</c> for the fourth record of a batch).</para>
    /// <para><c>defaults</c>: A field that is missing or null takes the schema's default (a new record).</para>
    /// </remarks>
    public static JsonObject Check(EntitySchema schema, JsonObject values, List<Diagnostic> diagnostics, Dictionary<string, HashSet<Guid>> lookups, string prefix = "", bool defaults = false)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(lookups);
        var result = new JsonObject();
        foreach (var (name, _) in values)
        {
            if (schema.Field(name) is null)
            {
                diagnostics.Add(Error("REC001", EntitySchemaReader.SystemFields.Contains(name)
                    ? $"'{name}' is kept by the system and cannot be written."
                    : $"{schema.Name} has no field '{name}'.", prefix + name));
            }
        }

        foreach (var field in schema.Fields)
        {
            var value = values[field.Name] ?? (defaults ? field.Default : null);
            if (value is null || (value.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetValue<string>())))
            {
                if (field.Required)
                {
                    diagnostics.Add(Error("REC002", $"{field.Title} is required.", prefix + field.Name));
                }

                continue;
            }

            if (Normalize(field, value, out var error) is { } stored)
            {
                result[field.Name] = stored;
                if (field.Lookup is not null)
                {
                    if (!lookups.TryGetValue(field.Lookup.Entity, out var ids))
                    {
                        lookups[field.Lookup.Entity] = ids = [];
                    }

                    ids.Add(Guid.Parse(stored.GetValue<string>()));
                }
            }
            else
            {
                diagnostics.Add(Error(error!.Value.Code, $"{field.Title}: {error.Value.Message}", prefix + field.Name));
            }
        }

        return result;
    }

    private static JsonValue? Normalize(FieldDefinition field, JsonNode value, out (string Code, string Message)? error)
    {
        error = null;
        var kind = value.GetValueKind();
        switch (field.Type)
        {
            case FieldType.Integer or FieldType.Number:
                if (kind != JsonValueKind.Number)
                {
                    error = ("REC003", "expected a number.");
                    return null;
                }

                if (!decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    error = ("REC003", "the number is too large.");
                    return null;
                }

                if (field.Type == FieldType.Integer && number != decimal.Truncate(number))
                {
                    error = ("REC003", "expected a whole number.");
                    return null;
                }

                if (field.Format == FieldFormat.Money && number.Scale > 2 && number != decimal.Round(number, 2))
                {
                    error = ("REC006", "an amount of money has at most two decimals.");
                    return null;
                }

                if (number < field.Minimum || number > field.Maximum)
                {
                    error = ("REC005", $"must be between {field.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "-∞"} and {field.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "∞"}.");
                    return null;
                }

                // Parsed back from text so readers may take the value as any numeric type (GetValue<int>, <decimal>, ...).
                return JsonNode.Parse(number.ToString(CultureInfo.InvariantCulture))!.AsValue();
            case FieldType.Boolean:
                if (kind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    error = ("REC003", "expected true or false.");
                    return null;
                }

                return JsonValue.Create(kind == JsonValueKind.True);
        }

        if (kind != JsonValueKind.String)
        {
            error = ("REC003", "expected text.");
            return null;
        }

        var text = value.GetValue<string>().Trim();
        switch (field.Type)
        {
            case FieldType.Lookup:
                if (!Guid.TryParse(text, out var id))
                {
                    error = ("REC003", $"expected the id (a GUID) of a {field.Lookup!.Entity} record.");
                    return null;
                }

                return JsonValue.Create(id.ToString("D"));
            case FieldType.List:
                if (field.ListItems.FirstOrDefault(i => i.Value == text) is null)
                {
                    error = ("REC008", $"'{text}' is not one of {string.Join(", ", field.ListItems.Select(i => $"'{i.Value}' ({i.Label})"))}.");
                    return null;
                }

                return JsonValue.Create(text);
            case FieldType.Date or FieldType.DateTime:
                if (Canonical(field.Type, text) is not { } canonical)
                {
                    error = ("REC003", field.Type == FieldType.Date ? "expected a date such as 2026-11-23." : "expected a date and time with its offset, such as 2026-11-23T10:00:00Z.");
                    return null;
                }

                return JsonValue.Create(canonical);
        }

        if (field.MaxLength is { } max && text.Length > max)
        {
            error = ("REC004", $"at most {max} characters, not {text.Length}.");
            return null;
        }

        if (field.MinLength is { } min && text.Length < min)
        {
            error = ("REC004", $"at least {min} characters, not {text.Length}.");
            return null;
        }

        var formatOk = field.Format switch
        {
            FieldFormat.Email => Email.IsMatch(text),
            FieldFormat.Phone => Phone.IsMatch(text) && text.Count(char.IsAsciiDigit) >= 5,
            FieldFormat.Url => Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
            _ => true,
        };
        if (!formatOk)
        {
            error = ("REC006", field.Format switch
            {
                FieldFormat.Email => $"'{text}' is not an e-mail address.",
                FieldFormat.Phone => $"'{text}' is not a phone number (digits, spaces, + ( ) - . only, at least 5 digits).",
                _ => $"'{text}' is not a web address (http or https).",
            });
            return null;
        }

        if (field.Pattern is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            error = ("REC007", $"'{text}' does not have the expected form ({pattern}).");
            return null;
        }

        return JsonValue.Create(text);
    }

    /// <summary>The stored form of a date (<c>yyyy-MM-dd</c>) or date-time (UTC, <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, which sorts as text), or null when it is not one.</summary>
    public static string? Canonical(FieldType type, string text)
    {
        if (type == FieldType.Date)
        {
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>The record as the JSON document an outbox event carries: system fields, then values.</summary>
    public static string Snapshot(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        // Written straight from the values rather than through a cloned JsonObject: the same text, without copying every
        // value node of every record an import writes.
        var buffer = new ArrayBufferWriter<byte>(256 + (64 * record.Values.Count));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", record.Id.ToString("D"));
            json.WriteString("entity", record.Entity);
            json.WriteNumber("version", record.Version);
            WriteId(json, "owner", record.Owner);
            json.WriteString("createdOn", record.CreatedOn);
            WriteId(json, "createdBy", record.CreatedBy);
            json.WriteString("modifiedOn", record.ModifiedOn);
            WriteId(json, "modifiedBy", record.ModifiedBy);
            json.WritePropertyName("values");
            record.Values.WriteTo(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteId(Utf8JsonWriter json, string name, Guid? id)
    {
        if (id is { } value)
        {
            json.WriteString(name, value.ToString("D"));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static Diagnostic Error(string code, string message, string field) =>
        new(DiagnosticSeverity.Error, code, message, ElementId: field);
}
