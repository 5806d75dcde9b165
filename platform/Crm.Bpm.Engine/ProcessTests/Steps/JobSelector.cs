using System.Text.Json;

namespace Crm.Bpm.Engine.ProcessTests.Steps;

/// <summary>Which job a step acts on: the oldest one waiting for a worker with this type and/or at this element.</summary>
public sealed record JobSelector(string? Type, string? Element)
{
    /// <summary>A JSON object the job's variables must contain, to pick one job among several (a multi-instance item, say), or null.</summary>
    public JsonElement? WithVariables { get; init; }

    /// <inheritdoc/>
    public override string ToString() => (Type, Element) switch
    {
        (not null, not null) => $"job of type '{Type}' at '{Element}'",
        (not null, null) => $"job of type '{Type}'",
        _ => $"job at '{Element}'",
    } + (WithVariables is { } v ? " with variables " + v.GetRawText() : "");
}
