using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary><c>zeebe:ioMapping</c>: input mappings applied on entering the element, output mappings on leaving it.</summary>
public sealed record ZeebeIoMapping : ExtensionElement
{
    public IReadOnlyList<ZeebeMapping> Inputs { get; init; } = [];

    public IReadOnlyList<ZeebeMapping> Outputs { get; init; } = [];

    public override XName XmlName => ZeebeNames.Namespace + "ioMapping";
}
