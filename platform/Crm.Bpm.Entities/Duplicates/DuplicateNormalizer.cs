using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Bpm.Entities.Records;
using Crm.Bpm.Entities.Schemas;

namespace Crm.Bpm.Entities.Duplicates;

/// <summary>Turns field values into the keys duplicate rules compare: e-mail case-folded, phone reduced to its last digits, names stripped of case, punctuation and extra spaces.</summary>
public static class DuplicateNormalizer
{
    // Phones are compared on their last 10 digits so "+1 (555) 010-2000" and "555 010 2000" match, as
    // Creatio's duplicate search does with its reversed-number columns.
    private const int PhoneDigits = 10;

    // Keys are stored in an indexed column of at most 900 characters (SQL Server allows 1,700 bytes in an index key):
    // a longer key is kept as a digest, which still matches the same value exactly.
    private const int MaxKeyLength = 400;

    /// <summary>The keys of <paramref name="values"/> for every rule whose fields all have a value.</summary>
    public static IReadOnlyList<DuplicateKey> Keys(EntitySchema schema, JsonObject values)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(values);
        var keys = new List<DuplicateKey>();
        foreach (var rule in schema.DuplicateRules)
        {
            var parts = new List<string>(rule.Fields.Count);
            foreach (var name in rule.Fields)
            {
                var field = schema.Field(name);
                var part = field is null ? null : Normalize(field, values[name]);
                if (string.IsNullOrEmpty(part))
                {
                    break;
                }

                parts.Add(part);
            }

            if (parts.Count == rule.Fields.Count)
            {
                keys.Add(new DuplicateKey(rule.Name, Bounded(string.Join('\u001f', parts))));
            }
        }

        return keys;
    }

    private static string Bounded(string key) =>
        key.Length <= MaxKeyLength ? key : "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The normalised form of one value, or null when it is empty.</summary>
    public static string? Normalize(FieldDefinition field, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (value is null)
        {
            return null;
        }

        var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        return field.Format switch
        {
            FieldFormat.Email => text.Trim().ToLowerInvariant(),
            FieldFormat.Phone => Phone(text),
            _ when field.Type is FieldType.Text => Name(text),
            _ => text,
        };
    }

    private static string Phone(string text)
    {
        var digits = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        return digits.Length > PhoneDigits ? digits.ToString(digits.Length - PhoneDigits, PhoneDigits) : digits.ToString();
    }

    private static string Name(string text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && result.Length > 0)
                {
                    result.Append(' ');
                }

                result.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                space = false;
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '.' or ',' or '\'')
            {
                space = true;
            }
        }

        return result.ToString();
    }
}
