using System.Text.Json;

namespace Crm.Bpm.Engine.Runtime.Decisions;

/// <summary>The JSON result of a decision, or why it could not be evaluated.</summary>
/// <param name="Value">The result (for a single-output table with one hit: the value; otherwise a context or list as DMN defines).</param>
/// <param name="Error">Why evaluation failed, or null.</param>
public sealed record DecisionResult(JsonElement Value, string? Error)
{
    public bool Succeeded => Error is null;

    public static DecisionResult Of(JsonElement value) => new(value, null);

    public static DecisionResult Fail(string error) => new(default, error);
}
