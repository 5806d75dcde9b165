namespace Crm.Bpm.Engine.Model.Activities;

/// <summary>A <c>userTask</c>: work a person does, issued to the operators' task list (BPMN 2.0.2 §10.3.3).</summary>
public sealed record UserTask : TaskActivity
{
    public string? Implementation { get; init; }

    public override string ElementName => "userTask";
}
