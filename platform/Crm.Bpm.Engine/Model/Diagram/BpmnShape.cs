namespace Crm.Bpm.Engine.Model.Diagram;

/// <summary>A <c>bpmndi:BPMNShape</c>: where a node, pool, lane or artifact is drawn.</summary>
public sealed record BpmnShape : DiagramElement
{
    /// <summary>The raw id of the semantic element drawn.</summary>
    public string? BpmnElement { get; init; }

    /// <summary>The shape's rectangle; null only when the file omits the required <c>dc:Bounds</c> (the parser reports it).</summary>
    public Bounds? Bounds { get; init; }

    public bool? IsHorizontal { get; init; }

    public bool? IsExpanded { get; init; }

    public bool? IsMarkerVisible { get; init; }

    public bool? IsMessageVisible { get; init; }

    /// <summary>The raw <c>participantBandKind</c> of a choreography band, or null.</summary>
    public string? ParticipantBandKind { get; init; }

    /// <summary>The raw <c>choreographyActivityShape</c> reference of a band, or null.</summary>
    public string? ChoreographyActivityShape { get; init; }

    public BpmnLabel? Label { get; init; }

    public override string ElementName => "BPMNShape";
}
