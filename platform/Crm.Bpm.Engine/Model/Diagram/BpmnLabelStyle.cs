namespace Crm.Bpm.Engine.Model.Diagram;

/// <summary>A <c>bpmndi:BPMNLabelStyle</c>: a font that labels refer to by id.</summary>
public sealed record BpmnLabelStyle : DiagramElement
{
    public DiagramFont? Font { get; init; }

    public override string ElementName => "BPMNLabelStyle";
}
