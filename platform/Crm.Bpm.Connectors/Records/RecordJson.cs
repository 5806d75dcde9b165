using System.Text.Json.Nodes;
using Crm.Bpm.Entities.Records;

namespace Crm.Bpm.Connectors.Records;

/// <summary>A record as process variables see it: one flat object with the system fields (<c>id</c>, <c>entity</c>, <c>version</c>, <c>owner</c>, dates) and the field values.</summary>
/// <remarks>System field names are reserved by the schema reader, so they never collide with an analyst's field.</remarks>
public static class RecordJson
{
    /// <summary>The record as a flat JSON object.</summary>
    public static JsonObject ToJson(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Flatten(JsonNode.Parse(RecordValues.Snapshot(record))!.AsObject());
    }

    /// <summary>An outbox snapshot (system fields plus <c>values</c>) as a flat JSON object.</summary>
    public static JsonObject FromSnapshot(string snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Flatten(JsonNode.Parse(snapshot)!.AsObject());
    }

    private static JsonObject Flatten(JsonObject snapshot)
    {
        var result = new JsonObject();
        foreach (var (name, value) in snapshot)
        {
            if (name != "values")
            {
                result[name] = value?.DeepClone();
            }
        }

        if (snapshot["values"] is JsonObject values)
        {
            foreach (var (name, value) in values)
            {
                result[name] = value?.DeepClone();
            }
        }

        return result;
    }
}
