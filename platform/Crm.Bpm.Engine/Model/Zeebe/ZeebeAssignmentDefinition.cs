using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary><c>zeebe:assignmentDefinition</c>: who a user task is assigned or offered to.</summary>
public sealed record ZeebeAssignmentDefinition : ExtensionElement
{
    public string? Assignee { get; init; }

    /// <summary>Comma-separated groups or a FEEL expression, as written.</summary>
    public string? CandidateGroups { get; init; }

    /// <summary>Comma-separated users or a FEEL expression, as written.</summary>
    public string? CandidateUsers { get; init; }

    public override XName XmlName => ZeebeNames.Namespace + "assignmentDefinition";
}
