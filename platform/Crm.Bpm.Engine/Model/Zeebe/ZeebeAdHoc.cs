using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary><c>zeebe:adHoc</c>: which inner elements an ad-hoc sub-process activates and where it collects outputs.</summary>
public sealed record ZeebeAdHoc : ExtensionElement
{
    public string? ActiveElementsCollection { get; init; }

    public string? OutputCollection { get; init; }

    public string? OutputElement { get; init; }

    public override XName XmlName => ZeebeNames.Namespace + "adHoc";
}
