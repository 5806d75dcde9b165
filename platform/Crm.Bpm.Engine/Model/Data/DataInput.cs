namespace Crm.Bpm.Engine.Model.Data;

/// <summary>A <c>dataInput</c> of an activity, process or throw event (BPMN 2.0.2 §10.4.1).</summary>
public sealed record DataInput : BaseElement
{
    public string? Name { get; init; }

    public string? ItemSubjectRef { get; init; }

    public bool IsCollection { get; init; }

    public override string ElementName => "dataInput";
}
