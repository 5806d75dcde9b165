using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary><c>zeebe:userTask</c>: the marker that a user task is a Camunda user task (not a job-based one).</summary>
public sealed record ZeebeUserTask : ExtensionElement
{
    public override XName XmlName => ZeebeNames.Namespace + "userTask";
}
