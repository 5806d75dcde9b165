using System.Text.Json.Serialization;

namespace Crm.Bpm.Persistence.Engine;

/// <summary>Source-generated JSON for the header and candidate columns (no reflection on the hot path).</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class RecordJsonContext : JsonSerializerContext;
