namespace Crm.Bpm.Engine.Runtime.Commands;

/// <summary>Starts an instance of the latest (or a given) version of a process, at its none start event or at a chosen element.</summary>
/// <param name="BpmnProcessId">The process id from the model.</param>
public sealed record StartProcessInstance(string BpmnProcessId) : EngineCommand
{
    /// <summary>The version to start, or null for the latest.</summary>
    public int? Version { get; init; }

    /// <summary>The element to start at instead of the none start event, or null.</summary>
    public string? StartElementId { get; init; }
}
