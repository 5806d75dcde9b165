namespace Crm.Bpm.Engine.Model.Processes;

/// <summary>A <c>lane</c>: the flow nodes one role or system is responsible for, possibly split into child lanes (BPMN 2.0.2 §10.8).</summary>
public sealed record Lane : BaseElement
{
    public string? Name { get; init; }

    public string? PartitionElementRef { get; init; }

    /// <summary>The ids in <c>flowNodeRef</c> children.</summary>
    public IReadOnlyList<string> FlowNodeRefs { get; init; } = [];

    public LaneSet? ChildLaneSet { get; init; }

    public override string ElementName => "lane";

    public override IEnumerable<BaseElement> OwnedElements()
    {
        foreach (var owned in base.OwnedElements())
        {
            yield return owned;
        }

        if (ChildLaneSet is not null)
        {
            yield return ChildLaneSet;
        }
    }
}
