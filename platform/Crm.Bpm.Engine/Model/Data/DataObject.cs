using Crm.Bpm.Engine.Model.Processes;

namespace Crm.Bpm.Engine.Model.Data;

/// <summary>A <c>dataObject</c>: a variable of a process or sub-process scope (BPMN 2.0.2 §10.4.1).</summary>
public sealed record DataObject : FlowElement
{
    public string? ItemSubjectRef { get; init; }

    public bool IsCollection { get; init; }

    public override string ElementName => "dataObject";
}
