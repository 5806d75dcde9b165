using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crm.Bpm.Engine.Runtime.Variables;

/// <summary>Turns the variable values a caller passes in (JSON elements, JSON nodes, strings, numbers, lists, dictionaries) into JSON.</summary>
public static class VariableConversion
{
    /// <summary>Converts every value of <paramref name="variables"/>; on the first value that is not JSON, returns false and says which.</summary>
    public static bool TryConvert(
        IReadOnlyDictionary<string, object?>? variables,
        out Dictionary<string, JsonElement>? converted,
        out string? error)
    {
        converted = null;
        error = null;
        if (variables is null || variables.Count == 0)
        {
            return true;
        }

        var result = new Dictionary<string, JsonElement>(variables.Count, StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            if (string.IsNullOrEmpty(name))
            {
                error = "A variable has an empty name; give every variable a name.";
                return false;
            }

            if (!TryConvertValue(value, out var json, out var why))
            {
                error = $"Variable '{name}' is not a JSON value: {why}";
                return false;
            }

            result[name] = json;
        }

        converted = result;
        return true;
    }

    /// <summary>Converts one value to JSON, or says why it is not JSON.</summary>
    public static bool TryConvertValue(object? value, out JsonElement json, out string? error)
    {
        error = null;
        json = default;
        switch (value)
        {
            case null:
                json = JsonValues.Null;
                return true;
            case JsonElement element:
                json = element.ValueKind == JsonValueKind.Undefined ? JsonValues.Null : element.Clone();
                return true;
            case JsonNode node:
                json = JsonValues.Parse(node.ToJsonString());
                return true;
            case string text:
                json = JsonValues.String(text);
                return true;
            case bool flag:
                json = JsonValues.Boolean(flag);
                return true;
            case int or long or short or byte or sbyte or uint or ushort or ulong:
                json = JsonValues.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                return true;
            case decimal d:
                json = JsonValues.Number(d);
                return true;
            case double or float:
                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsNaN(number) || double.IsInfinity(number))
                {
                    error = $"{number.ToString(CultureInfo.InvariantCulture)} has no JSON form; use a finite number.";
                    return false;
                }

                json = JsonValues.Parse(number.ToString("R", CultureInfo.InvariantCulture));
                return true;
            case IDictionary dictionary:
                return TryConvertDictionary(dictionary, out json, out error);
            case IEnumerable sequence:
                return TryConvertSequence(sequence, out json, out error);
            default:
                error = $"a value of type {value.GetType().Name} has no JSON form; pass a string, number, boolean, null, list, dictionary or JSON.";
                return false;
        }
    }

    private static bool TryConvertDictionary(IDictionary dictionary, out JsonElement json, out string? error)
    {
        json = default;
        error = null;
        var members = new List<KeyValuePair<string, JsonElement>>(dictionary.Count);
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is not string key)
            {
                error = $"a dictionary key of type {entry.Key.GetType().Name} is not a string.";
                return false;
            }

            if (!TryConvertValue(entry.Value, out var item, out error))
            {
                return false;
            }

            members.Add(new(key, item));
        }

        json = JsonValues.Object(members);
        return true;
    }

    private static bool TryConvertSequence(IEnumerable sequence, out JsonElement json, out string? error)
    {
        json = default;
        error = null;
        var items = new List<JsonElement>();
        foreach (var entry in sequence)
        {
            if (!TryConvertValue(entry, out var item, out error))
            {
                return false;
            }

            items.Add(item);
        }

        json = JsonValues.Array(items);
        return true;
    }
}
