using Crm.Bpm.Engine.Model.Artifacts;
using Crm.Bpm.Engine.Model.Processes;

namespace Crm.Bpm.Engine.Model.Activities;

/// <summary>A <c>subProcess</c>: an embedded scope of flow elements; with <see cref="TriggeredByEvent"/> it is an event sub-process (BPMN 2.0.2 §10.3.5).</summary>
/// <remarks>Implements <see cref="IFlowElementsContainer"/>: its flow elements form their own scope inside the parent's.</remarks>
public record SubProcess : Activity, IFlowElementsContainer
{
    /// <summary>Whether this is an event sub-process, started by its start event rather than by a sequence flow.</summary>
    public bool TriggeredByEvent { get; init; }

    public IReadOnlyList<LaneSet> LaneSets { get; init; } = [];

    public IReadOnlyList<FlowElement> FlowElements { get; init; } = [];

    public IReadOnlyList<Artifact> Artifacts { get; init; } = [];

    public override string ElementName => "subProcess";

    public override IEnumerable<BaseElement> OwnedElements()
    {
        foreach (var owned in base.OwnedElements())
        {
            yield return owned;
        }

        foreach (var owned in LaneSets)
        {
            yield return owned;
        }

        foreach (var owned in FlowElements)
        {
            yield return owned;
        }

        foreach (var owned in Artifacts)
        {
            yield return owned;
        }
    }
}
