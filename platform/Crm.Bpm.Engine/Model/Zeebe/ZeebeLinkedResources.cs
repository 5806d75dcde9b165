using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary><c>zeebe:linkedResources</c>: resources (such as RPA scripts) linked to a job-based element.</summary>
public sealed record ZeebeLinkedResources : ExtensionElement
{
    public IReadOnlyList<ZeebeLinkedResource> Resources { get; init; } = [];

    public override XName XmlName => ZeebeNames.Namespace + "linkedResources";
}
