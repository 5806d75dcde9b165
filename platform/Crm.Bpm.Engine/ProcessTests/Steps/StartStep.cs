using System.Text.Json;

namespace Crm.Bpm.Engine.ProcessTests.Steps;

/// <summary>Starts an instance of a deployed process (<c>start</c>).</summary>
/// <param name="Process">The BPMN process id.</param>
/// <param name="Variables">The instance's initial variables.</param>
public sealed record StartStep(string Process, IReadOnlyDictionary<string, JsonElement> Variables) : ProcessTestStep
{
    public override string Keyword => "start";

    /// <summary>The element to start at instead of the none start event, or null.</summary>
    public string? StartAt { get; init; }

    /// <summary>The process version to start, or null for the latest.</summary>
    public int? Version { get; init; }
}
