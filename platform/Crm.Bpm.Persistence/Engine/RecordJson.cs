using System.Buffers;
using System.Text.Json;

namespace Crm.Bpm.Persistence.Engine;

/// <summary>Writes and reads the JSON columns of the engine tables (variables, task headers, candidate lists); public so that bulk loaders write exactly what the store writes.</summary>
public static class RecordJson
{
    private static readonly Dictionary<string, JsonElement> NoVariables = new(0);
    private static readonly Dictionary<string, string> NoHeaders = new(0);

    public static string Variables(IReadOnlyDictionary<string, JsonElement> variables)
    {
        if (variables.Count == 0)
        {
            return "{}";
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var (name, value) in variables)
            {
                w.WritePropertyName(name);
                if (value.ValueKind == JsonValueKind.Undefined)
                {
                    w.WriteNullValue();
                }
                else
                {
                    value.WriteTo(w);
                }
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyDictionary<string, JsonElement> ReadVariables(string json)
    {
        if (json.Length <= 2)
        {
            return NoVariables;
        }

        using var document = JsonDocument.Parse(json);
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            result[property.Name] = property.Value.Clone();
        }

        return result;
    }

    public static string Headers(IReadOnlyDictionary<string, string> headers) =>
        headers.Count == 0 ? "{}" : JsonSerializer.Serialize(headers, RecordJsonContext.Default.IReadOnlyDictionaryStringString);

    public static IReadOnlyDictionary<string, string> ReadHeaders(string json) =>
        json.Length <= 2 ? NoHeaders : JsonSerializer.Deserialize(json, RecordJsonContext.Default.DictionaryStringString) ?? NoHeaders;

    public static string List(IReadOnlyList<string> items) =>
        items.Count == 0 ? "[]" : JsonSerializer.Serialize(items, RecordJsonContext.Default.IReadOnlyListString);

    public static IReadOnlyList<string> ReadList(string json) =>
        json.Length <= 2 ? [] : JsonSerializer.Deserialize(json, RecordJsonContext.Default.ListString) ?? [];
}
