using System.Text.Json;

namespace Crm.Bpm.Engine.ProcessTests.Steps;

/// <summary>Completes the oldest open user task of an element (<c>completeTask</c>).</summary>
public sealed record CompleteTaskStep(string Element, IReadOnlyDictionary<string, JsonElement> Variables) : ProcessTestStep
{
    public override string Keyword => "completeTask";

    /// <summary>A JSON object the task's variables must contain, to pick one task among several (a multi-instance item, say), or null.</summary>
    public JsonElement? WithVariables { get; init; }
}
