using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary><c>zeebe:formDefinition</c>: which form a user task shows (embedded key, linked form id or external reference).</summary>
public sealed record ZeebeFormDefinition : ExtensionElement
{
    public string? FormKey { get; init; }

    public string? FormId { get; init; }

    public string? ExternalReference { get; init; }

    /// <summary><c>latest</c>, <c>deployment</c> or <c>versionTag</c>; null means latest.</summary>
    public string? BindingType { get; init; }

    public string? VersionTag { get; init; }

    public override XName XmlName => ZeebeNames.Namespace + "formDefinition";
}
