namespace Crm.Bpm.Engine.Model.Diagram;

/// <summary>A <c>bpmndi:BPMNPlane</c>: the drawing surface of one process or collaboration.</summary>
public sealed record BpmnPlane : DiagramElement
{
    /// <summary>The raw id of the process, collaboration or sub-process drawn.</summary>
    public string? BpmnElement { get; init; }

    /// <summary>The shapes and edges in source order.</summary>
    public IReadOnlyList<DiagramElement> Elements { get; init; } = [];

    public IEnumerable<BpmnShape> Shapes => Elements.OfType<BpmnShape>();

    public IEnumerable<BpmnEdge> Edges => Elements.OfType<BpmnEdge>();

    public override string ElementName => "BPMNPlane";
}
