using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary><c>zeebe:taskSchedule</c>: the due date and follow-up date of a user task.</summary>
public sealed record ZeebeTaskSchedule : ExtensionElement
{
    public string? DueDate { get; init; }

    public string? FollowUpDate { get; init; }

    public override XName XmlName => ZeebeNames.Namespace + "taskSchedule";
}
