using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary><c>zeebe:calledDecision</c>: the DMN decision a business rule task evaluates and where the result goes.</summary>
public sealed record ZeebeCalledDecision : ExtensionElement
{
    public string? DecisionId { get; init; }

    public string? ResultVariable { get; init; }

    public string? BindingType { get; init; }

    public string? VersionTag { get; init; }

    public override XName XmlName => ZeebeNames.Namespace + "calledDecision";
}
