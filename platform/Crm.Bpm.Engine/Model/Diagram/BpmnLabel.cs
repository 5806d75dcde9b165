namespace Crm.Bpm.Engine.Model.Diagram;

/// <summary>A <c>bpmndi:BPMNLabel</c>: where a shape's or edge's name is drawn, and in which style.</summary>
public sealed record BpmnLabel : DiagramElement
{
    /// <summary>The label's rectangle, or null when the tool lets the renderer place it.</summary>
    public Bounds? Bounds { get; init; }

    /// <summary>The raw id of a <see cref="BpmnLabelStyle"/>, or null.</summary>
    public string? LabelStyle { get; init; }

    public override string ElementName => "BPMNLabel";
}
