namespace Crm.Bpm.Engine.Model.Diagram;

/// <summary>A <c>bpmndi:BPMNDiagram</c>: one drawing with its plane and label styles.</summary>
public sealed record BpmnDiagram : DiagramElement
{
    public string? Name { get; init; }

    public string? Documentation { get; init; }

    public double? Resolution { get; init; }

    public BpmnPlane? Plane { get; init; }

    public IReadOnlyList<BpmnLabelStyle> LabelStyles { get; init; } = [];

    public override string ElementName => "BPMNDiagram";
}
