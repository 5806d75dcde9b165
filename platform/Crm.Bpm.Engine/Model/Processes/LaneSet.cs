namespace Crm.Bpm.Engine.Model.Processes;

/// <summary>A <c>laneSet</c>: one partition of a process or sub-process into lanes (BPMN 2.0.2 §10.8).</summary>
public sealed record LaneSet : BaseElement
{
    public string? Name { get; init; }

    public IReadOnlyList<Lane> Lanes { get; init; } = [];

    public override string ElementName => "laneSet";

    public override IEnumerable<BaseElement> OwnedElements()
    {
        foreach (var owned in base.OwnedElements())
        {
            yield return owned;
        }

        foreach (var owned in Lanes)
        {
            yield return owned;
        }
    }
}
