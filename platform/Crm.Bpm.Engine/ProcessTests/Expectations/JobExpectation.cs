using System.Text.Json;

namespace Crm.Bpm.Engine.ProcessTests.Expectations;

/// <summary>A job that must exist with the given details; a detail left null is not checked.</summary>
public sealed record JobExpectation(int Line)
{
    public string? Type { get; init; }

    public string? Element { get; init; }

    public int? Retries { get; init; }

    /// <summary><c>activatable</c>, <c>failed</c> or <c>errorThrown</c>.</summary>
    public string? State { get; init; }

    /// <summary>Custom headers the job must carry.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>A JSON object the job's variables must contain.</summary>
    public JsonElement? Variables { get; init; }
}
