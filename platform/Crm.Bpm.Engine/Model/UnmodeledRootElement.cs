using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model;

/// <summary>A root element the model does not interpret (an interface, a resource, a global task, an unknown one), kept verbatim.</summary>
/// <remarks>Its id still takes part in id lookups, so references to it resolve.</remarks>
public sealed record UnmodeledRootElement(XElement Element) : RootElement
{
    public override string ElementName => Element.Name.LocalName;
}
