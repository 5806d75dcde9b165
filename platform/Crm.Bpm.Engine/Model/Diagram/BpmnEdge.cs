namespace Crm.Bpm.Engine.Model.Diagram;

/// <summary>A <c>bpmndi:BPMNEdge</c>: the path along which a flow or association is drawn.</summary>
public sealed record BpmnEdge : DiagramElement
{
    /// <summary>The raw id of the semantic element drawn.</summary>
    public string? BpmnElement { get; init; }

    public IReadOnlyList<Waypoint> Waypoints { get; init; } = [];

    public BpmnLabel? Label { get; init; }

    /// <summary>The raw id of the diagram element the edge starts at, or null.</summary>
    public string? SourceElement { get; init; }

    /// <summary>The raw id of the diagram element the edge ends at, or null.</summary>
    public string? TargetElement { get; init; }

    /// <summary>The raw <c>messageVisibleKind</c> (<c>initiating</c> or <c>non_initiating</c>), or null.</summary>
    public string? MessageVisibleKind { get; init; }

    public override string ElementName => "BPMNEdge";
}
