using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary><c>zeebe:userTaskForm</c>: a form embedded in the process (JSON body), referenced by <c>formKey="camunda-forms:bpmn:ID"</c>.</summary>
public sealed record ZeebeUserTaskForm : ExtensionElement
{
    public string? Id { get; init; }

    /// <summary>The form JSON text.</summary>
    public string? Body { get; init; }

    public override XName XmlName => ZeebeNames.Namespace + "userTaskForm";
}
