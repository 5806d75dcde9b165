using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Engine.Runtime.Incidents;

/// <summary>An open problem that stops an element until someone resolves it.</summary>
public sealed record IncidentRecord : IKeyedRecord
{
    public required long Key { get; init; }

    public required IncidentType Type { get; init; }

    /// <summary>What went wrong and, where it helps, what to do.</summary>
    public required string Message { get; init; }

    public required long ProcessInstanceKey { get; init; }

    public required long ElementInstanceKey { get; init; }

    public required string ElementId { get; init; }

    public required string BpmnProcessId { get; init; }

    /// <summary>The job whose failure raised the incident, or 0.</summary>
    public long JobKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
