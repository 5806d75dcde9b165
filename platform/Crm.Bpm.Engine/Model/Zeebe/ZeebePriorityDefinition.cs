using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary><c>zeebe:priorityDefinition</c>: the priority of a user task (0-100 or a FEEL expression).</summary>
public sealed record ZeebePriorityDefinition : ExtensionElement
{
    public string? Priority { get; init; }

    public override XName XmlName => ZeebeNames.Namespace + "priorityDefinition";
}
