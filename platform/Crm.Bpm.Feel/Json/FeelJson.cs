using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Bpm.Feel.Numbers;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Json;

/// <summary>Converts FEEL values to and from JSON (process variables, CLI contexts, REST payloads).</summary>
/// <remarks>
/// JSON to FEEL: null, booleans, numbers (exact, up to 34 digits), strings (kept as strings, never guessed as dates),
/// arrays as lists, objects as contexts in property order.
/// FEEL to JSON: numbers as JSON numbers, dates as <c>"2024-05-01"</c>, times as <c>"10:30:00"</c> /
/// <c>"10:30:00+02:00"</c> / <c>"10:30:00@Europe/Paris"</c>, date-times as <c>"2024-05-01T10:30:00Z"</c> or with
/// <c>@zone</c>, durations as ISO 8601 (<c>"P1DT2H"</c>, <c>"P1Y2M"</c>), ranges as objects
/// <c>{"start", "startIncluded", "end", "endIncluded"}</c>, functions as null.
/// </remarks>
public static class FeelJson
{
    /// <summary>The FEEL value of a JSON node (null node = FEEL null).</summary>
    public static FeelValue FromJson(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return FeelValue.Null;
            case JsonObject obj:
                return FeelContext.Create(obj.Select(p => new KeyValuePair<string, FeelValue>(p.Key, FromJson(p.Value))));
            case JsonArray array:
                return new FeelList(array.Select(FromJson));
            default:
                var value = node.AsValue();
                return value.GetValueKind() switch
                {
                    JsonValueKind.String => new FeelString(value.GetValue<string>()),
                    JsonValueKind.True => FeelBoolean.True,
                    JsonValueKind.False => FeelBoolean.False,
                    JsonValueKind.Number => NumberFromText(value.ToJsonString()),
                    _ => FeelValue.Null,
                };
        }
    }

    /// <summary>The FEEL value of a JSON element.</summary>
    public static FeelValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => FeelContext.Create(element.EnumerateObject().Select(p => new KeyValuePair<string, FeelValue>(p.Name, FromJson(p.Value)))),
        JsonValueKind.Array => new FeelList(element.EnumerateArray().Select(FromJson)),
        JsonValueKind.String => new FeelString(element.GetString()!),
        JsonValueKind.Number => NumberFromText(element.GetRawText()),
        JsonValueKind.True => FeelBoolean.True,
        JsonValueKind.False => FeelBoolean.False,
        _ => FeelValue.Null,
    };

    /// <summary>Parses JSON text into a FEEL value.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static FeelValue Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement);
    }

    /// <summary>The JSON node of a FEEL value (null for FEEL null and for functions).</summary>
    public static JsonNode? ToJsonNode(FeelValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (value)
        {
            case FeelNull or FeelFunction:
                return null;
            case FeelBoolean b:
                return JsonValue.Create(b.Value);
            case FeelNumber n:
                return n.Value.TryGetDecimal(out var d) ? JsonValue.Create(d) : JsonNode.Parse(n.Value.ToString("E", null));
            case FeelString s:
                return JsonValue.Create(s.Value);
            case FeelList list:
                return new JsonArray(list.Select(ToJsonNode).ToArray());
            case FeelContext ctx:
                var obj = new JsonObject();
                foreach (var entry in ctx.Entries)
                {
                    obj[entry.Key] = ToJsonNode(entry.Value);
                }

                return obj;
            case FeelRange range:
                return new JsonObject
                {
                    ["start"] = range.Start is null ? null : ToJsonNode(range.Start),
                    ["startIncluded"] = range.StartIncluded,
                    ["end"] = range.End is null ? null : ToJsonNode(range.End),
                    ["endIncluded"] = range.EndIncluded,
                };
            default:
                return JsonValue.Create(value.ToFeelString());
        }
    }

    /// <summary>Writes a FEEL value as JSON, numbers with all their digits.</summary>
    public static void Write(Utf8JsonWriter writer, FeelValue value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        switch (value)
        {
            case FeelNull or FeelFunction:
                writer.WriteNullValue();
                break;
            case FeelBoolean b:
                writer.WriteBooleanValue(b.Value);
                break;
            case FeelNumber n:
                writer.WriteRawValue(n.Value.ToString(), skipInputValidation: false);
                break;
            case FeelString s:
                writer.WriteStringValue(s.Value);
                break;
            case FeelList list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case FeelContext ctx:
                writer.WriteStartObject();
                foreach (var entry in ctx.Entries)
                {
                    writer.WritePropertyName(entry.Key);
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case FeelRange range:
                writer.WriteStartObject();
                writer.WritePropertyName("start");
                Write(writer, range.Start ?? FeelValue.Null);
                writer.WriteBoolean("startIncluded", range.StartIncluded);
                writer.WritePropertyName("end");
                Write(writer, range.End ?? FeelValue.Null);
                writer.WriteBoolean("endIncluded", range.EndIncluded);
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStringValue(value.ToFeelString());
                break;
        }
    }

    /// <summary>The JSON text of a FEEL value.</summary>
    public static string ToJsonString(FeelValue value, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static FeelValue NumberFromText(string text) =>
        FeelDecimal.TryParse(text) is { } number ? FeelNumber.Of(number) : FeelValue.Null;
}
