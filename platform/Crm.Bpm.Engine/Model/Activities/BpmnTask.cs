namespace Crm.Bpm.Engine.Model.Activities;

/// <summary>A plain <c>task</c> element with no specific kind (the "abstract task" of BPMN 2.0.2 §10.3.3).</summary>
/// <remarks>Named <c>BpmnTask</c> so that it does not clash with <see cref="System.Threading.Tasks.Task"/>.</remarks>
public sealed record BpmnTask : TaskActivity
{
    public override string ElementName => "task";
}
