using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary><c>zeebe:loopCharacteristics</c>: the collection a multi-instance activity iterates and where results are collected.</summary>
public sealed record ZeebeLoopCharacteristics : ExtensionElement
{
    public string? InputCollection { get; init; }

    public string? InputElement { get; init; }

    public string? OutputCollection { get; init; }

    public string? OutputElement { get; init; }

    public override XName XmlName => ZeebeNames.Namespace + "loopCharacteristics";
}
