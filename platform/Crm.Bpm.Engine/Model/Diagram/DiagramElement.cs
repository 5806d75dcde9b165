using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Diagram;

/// <summary>Any element of the diagram interchange part (BPMN 2.0.2 §12): a diagram, plane, shape, edge, label or style.</summary>
public abstract record DiagramElement
{
    public string? Id { get; init; }

    public SourcePosition Position { get; init; }

    /// <summary>Attributes the model does not interpret, such as <c>bioc:stroke</c> or <c>color:background-color</c>, kept verbatim.</summary>
    public IReadOnlyList<ForeignAttribute> ForeignAttributes { get; init; } = [];

    /// <summary>Child elements the model does not interpret (such as <c>di:extension</c>), kept verbatim.</summary>
    public IReadOnlyList<XElement> UnmodeledChildren { get; init; } = [];

    /// <summary>The XML local name, such as <c>BPMNShape</c>.</summary>
    public abstract string ElementName { get; }
}
