namespace Crm.Bpm.Persistence.Engine.Tables;

/// <summary>One deployed version of a process with the resource it came from, as stored in <c>bpm_definitions</c>.</summary>
public sealed class DefinitionRow
{
    public long DefinitionKey { get; set; }

    public string BpmnProcessId { get; set; } = "";

    public int Version { get; set; }

    public string? Name { get; set; }

    public string? ResourceName { get; set; }

    public string? Source { get; set; }

    public string Checksum { get; set; } = "";

    /// <summary>UTC ticks.</summary>
    public long DeployedAt { get; set; }
}
