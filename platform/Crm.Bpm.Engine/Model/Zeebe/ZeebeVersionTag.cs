using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary><c>zeebe:versionTag</c>: the version tag of a process.</summary>
public sealed record ZeebeVersionTag : ExtensionElement
{
    public string? Value { get; init; }

    public override XName XmlName => ZeebeNames.Namespace + "versionTag";
}
