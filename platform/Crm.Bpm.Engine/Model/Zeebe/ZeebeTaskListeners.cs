using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary><c>zeebe:taskListeners</c>: jobs run on user task lifecycle events (creating, assigning, completing...).</summary>
public sealed record ZeebeTaskListeners : ExtensionElement
{
    public IReadOnlyList<ZeebeListener> Listeners { get; init; } = [];

    public override XName XmlName => ZeebeNames.Namespace + "taskListeners";
}
