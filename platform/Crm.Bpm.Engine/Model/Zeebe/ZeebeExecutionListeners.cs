using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary><c>zeebe:executionListeners</c>: jobs run when an element starts or ends.</summary>
public sealed record ZeebeExecutionListeners : ExtensionElement
{
    public IReadOnlyList<ZeebeListener> Listeners { get; init; } = [];

    public override XName XmlName => ZeebeNames.Namespace + "executionListeners";
}
