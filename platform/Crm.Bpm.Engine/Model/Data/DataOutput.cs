namespace Crm.Bpm.Engine.Model.Data;

/// <summary>A <c>dataOutput</c> of an activity, process or catch event (BPMN 2.0.2 §10.4.1).</summary>
public sealed record DataOutput : BaseElement
{
    public string? Name { get; init; }

    public string? ItemSubjectRef { get; init; }

    public bool IsCollection { get; init; }

    public override string ElementName => "dataOutput";
}
