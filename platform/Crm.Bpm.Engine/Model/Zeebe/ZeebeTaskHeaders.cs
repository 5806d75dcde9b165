using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary><c>zeebe:taskHeaders</c>: static key/value headers handed to the job worker.</summary>
public sealed record ZeebeTaskHeaders : ExtensionElement
{
    public IReadOnlyList<ZeebeHeader> Headers { get; init; } = [];

    public override XName XmlName => ZeebeNames.Namespace + "taskHeaders";
}
