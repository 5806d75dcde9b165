using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model;

/// <summary>An extension element this engine does not interpret (another vendor's), kept verbatim and written back unchanged.</summary>
public sealed record UnknownExtensionElement(XElement Element) : ExtensionElement
{
    public override XName XmlName => Element.Name;
}
