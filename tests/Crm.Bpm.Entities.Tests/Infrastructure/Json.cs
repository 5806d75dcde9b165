using System.Text.Json.Nodes;

namespace Crm.Bpm.Entities.Tests.Infrastructure;

/// <summary>Short record values for tests.</summary>
public static class Json
{
    public static JsonObject Object(string json) => JsonNode.Parse(json)!.AsObject();
}
