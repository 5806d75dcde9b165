using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary><c>zeebe:properties</c>: free name/value pairs for tools and connectors.</summary>
public sealed record ZeebeProperties : ExtensionElement
{
    public IReadOnlyList<ZeebeProperty> Properties { get; init; } = [];

    public override XName XmlName => ZeebeNames.Namespace + "properties";
}
