using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Crm.Bpm.Engine.ProcessTests.Running;

/// <summary>Compares an expected JSON value with an actual one: objects by subset (every expected field must match), everything else exactly, numbers by value.</summary>
internal static class JsonMatch
{
    // Display only: readable text beats HTML-safe escaping in a terminal.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Null when <paramref name="actual"/> matches, otherwise where and how it differs.</summary>
    public static string? Mismatch(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind == JsonValueKind.Object && actual.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in expected.EnumerateObject())
            {
                if (!actual.TryGetProperty(property.Name, out var value))
                {
                    return $"{path}.{property.Name}: expected {Show(property.Value)}, but {path} has no field '{property.Name}' (it is {Show(actual)})";
                }

                if (Mismatch(property.Value, value, $"{path}.{property.Name}") is { } inner)
                {
                    return inner;
                }
            }

            return null;
        }

        if (expected.ValueKind == JsonValueKind.Array && actual.ValueKind == JsonValueKind.Array)
        {
            var e = expected.EnumerateArray().ToList();
            var a = actual.EnumerateArray().ToList();
            if (e.Count != a.Count)
            {
                return $"{path}: expected {e.Count} items {Show(expected)}, but it has {a.Count}: {Show(actual)}";
            }

            for (var i = 0; i < e.Count; i++)
            {
                if (Mismatch(e[i], a[i], $"{path}[{i}]") is { } inner)
                {
                    return inner;
                }
            }

            return null;
        }

        return SameScalar(expected, actual) ? null : $"{path}: expected {Show(expected)}, but it is {Show(actual)}";
    }

    private static bool SameScalar(JsonElement expected, JsonElement actual)
    {
        if (expected.ValueKind == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number)
        {
            if (expected.TryGetDecimal(out var e) && actual.TryGetDecimal(out var a))
            {
                return e == a;
            }

            return expected.GetDouble().Equals(actual.GetDouble());
        }

        if (expected.ValueKind != actual.ValueKind)
        {
            return false;
        }

        return expected.ValueKind switch
        {
            JsonValueKind.String => expected.GetString() == actual.GetString(),
            JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => true,
            _ => false,
        };
    }

    /// <summary>The value as compact JSON, shortened when long.</summary>
    public static string Show(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.Undefined ? "nothing" : JsonSerializer.Serialize(value, Readable);
        return text.Length <= 200 ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..197]}...");
    }
}
