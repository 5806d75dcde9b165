using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Crm.Bpm.Engine.Runtime.Variables;

/// <summary>Builds and reads the JSON values that process variables hold.</summary>
public static class JsonValues
{
    /// <summary>JSON <c>null</c>.</summary>
    public static readonly JsonElement Null = Parse("null");

    /// <summary>JSON <c>true</c>.</summary>
    public static readonly JsonElement True = Parse("true");

    /// <summary>JSON <c>false</c>.</summary>
    public static readonly JsonElement False = Parse("false");

    /// <summary>An empty JSON array.</summary>
    public static readonly JsonElement EmptyArray = Parse("[]");

    /// <summary>Parses JSON text into a value that owns its memory.</summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>A JSON string.</summary>
    public static JsonElement String(string value) => Write(w => w.WriteStringValue(value));

    /// <summary>A JSON number.</summary>
    public static JsonElement Number(long value) => Write(w => w.WriteNumberValue(value));

    /// <summary>A JSON number.</summary>
    public static JsonElement Number(decimal value) => Write(w => w.WriteNumberValue(value));

    /// <summary>A JSON boolean.</summary>
    public static JsonElement Boolean(bool value) => value ? True : False;

    /// <summary>A JSON array of the given values.</summary>
    public static JsonElement Array(IEnumerable<JsonElement> items) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var item in items)
        {
            WriteValue(w, item);
        }

        w.WriteEndArray();
    });

    /// <summary>A JSON object of the given members, in order.</summary>
    public static JsonElement Object(IEnumerable<KeyValuePair<string, JsonElement>> members) => Write(w =>
    {
        w.WriteStartObject();
        foreach (var member in members)
        {
            w.WritePropertyName(member.Key);
            WriteValue(w, member.Value);
        }

        w.WriteEndObject();
    });

    /// <summary>Writes a value, treating an undefined element as JSON null.</summary>
    public static void WriteValue(Utf8JsonWriter writer, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }

    /// <summary>Runs a writer callback and returns the value it wrote.</summary>
    public static JsonElement Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>The compact JSON text of a value (<c>null</c> for an undefined element).</summary>
    public static string ToJson(JsonElement value) =>
        value.ValueKind == JsonValueKind.Undefined ? "null" : value.GetRawText();

    /// <summary>Whether the value is JSON true.</summary>
    public static bool IsTrue(JsonElement value) => value.ValueKind == JsonValueKind.True;

    /// <summary>Whether two values are the same JSON (objects compared member by member, numbers by value).</summary>
    public static bool DeepEquals(JsonElement left, JsonElement right) =>
        JsonElement.DeepEquals(Normalize(left), Normalize(right));

    /// <summary>The value as text for places that need a string (a job type, an assignee): strings as they are, other values as JSON.</summary>
    public static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Number => value.GetRawText(),
        _ => value.GetRawText(),
    };

    /// <summary>The value as a whole number, if it is one.</summary>
    public static bool TryGetInt64(JsonElement value, out long result)
    {
        result = 0;
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt64(out result))
            {
                return true;
            }

            if (value.TryGetDecimal(out var d) && d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue)
            {
                result = (long)d;
                return true;
            }

            return false;
        }

        return value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out result);
    }

    private static JsonElement Normalize(JsonElement value) =>
        value.ValueKind == JsonValueKind.Undefined ? Null : value;
}
