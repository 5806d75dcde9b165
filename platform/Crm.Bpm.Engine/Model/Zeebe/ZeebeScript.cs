using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary><c>zeebe:script</c>: a FEEL expression a script task evaluates, and the variable that receives the result.</summary>
public sealed record ZeebeScript : ExtensionElement
{
    public string? Expression { get; init; }

    public string? ResultVariable { get; init; }

    public override XName XmlName => ZeebeNames.Namespace + "script";
}
