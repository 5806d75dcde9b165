using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary><c>zeebe:subscription</c>: the correlation key of a message catch event or receive task.</summary>
public sealed record ZeebeSubscription : ExtensionElement
{
    public string? CorrelationKey { get; init; }

    public override XName XmlName => ZeebeNames.Namespace + "subscription";
}
