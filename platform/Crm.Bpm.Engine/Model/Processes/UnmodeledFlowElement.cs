using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Processes;

/// <summary>A flow element the model does not interpret (such as <c>implicitThrowEvent</c> or an unknown element), kept verbatim in its place.</summary>
public sealed record UnmodeledFlowElement : FlowElement
{
    public XElement Element { get; init; } = new("unknown");

    public override string ElementName => Element.Name.LocalName;
}
