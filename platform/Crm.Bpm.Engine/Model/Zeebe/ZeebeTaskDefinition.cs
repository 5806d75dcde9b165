using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary><c>zeebe:taskDefinition</c>: the job type a worker subscribes to and the retries of each job.</summary>
public sealed record ZeebeTaskDefinition : ExtensionElement
{
    /// <summary>The job type, a literal or a FEEL expression (<c>=...</c>).</summary>
    public string? Type { get; init; }

    /// <summary>The number of retries as written (a number or a FEEL expression); null means the engine default of 3.</summary>
    public string? Retries { get; init; }

    public override XName XmlName => ZeebeNames.Namespace + "taskDefinition";
}
