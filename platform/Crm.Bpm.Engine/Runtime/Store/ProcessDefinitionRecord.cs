namespace Crm.Bpm.Engine.Runtime.Store;

/// <summary>One deployed version of a process: what the store keeps so that any node can compile it again.</summary>
public sealed record ProcessDefinitionRecord : IKeyedRecord
{
    public required long Key { get; init; }

    public required string BpmnProcessId { get; init; }

    public required int Version { get; init; }

    public string? Name { get; init; }

    /// <summary>The file the process came from.</summary>
    public string? ResourceName { get; init; }

    /// <summary>The BPMN XML of the resource, or null when it was deployed from a model built in code.</summary>
    public string? Source { get; init; }

    /// <summary>A hash of the source; a redeployment with the same hash does not create a new version.</summary>
    public required string Checksum { get; init; }

    public DateTimeOffset DeployedAt { get; init; }
}
