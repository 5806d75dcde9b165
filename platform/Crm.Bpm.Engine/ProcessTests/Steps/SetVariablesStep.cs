using System.Text.Json;

namespace Crm.Bpm.Engine.ProcessTests.Steps;

/// <summary>Sets variables on the case's instance, or on the live instance of an element (<c>setVariables</c>).</summary>
/// <param name="Element">The element whose scope receives the variables, or null for the process instance.</param>
/// <param name="Local">Whether the variables are set on that scope itself rather than where they already exist.</param>
/// <param name="Variables">The variables to set.</param>
public sealed record SetVariablesStep(string? Element, bool Local, IReadOnlyDictionary<string, JsonElement> Variables) : ProcessTestStep
{
    public override string Keyword => "setVariables";
}
