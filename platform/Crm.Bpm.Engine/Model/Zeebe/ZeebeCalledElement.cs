using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary><c>zeebe:calledElement</c>: the process a call activity starts and how variables flow.</summary>
public sealed record ZeebeCalledElement : ExtensionElement
{
    public string? ProcessId { get; init; }

    /// <summary>Null when not written (Camunda's default is true).</summary>
    public bool? PropagateAllChildVariables { get; init; }

    /// <summary>Null when not written (Camunda's default is true).</summary>
    public bool? PropagateAllParentVariables { get; init; }

    public string? BindingType { get; init; }

    public string? VersionTag { get; init; }

    public override XName XmlName => ZeebeNames.Namespace + "calledElement";
}
