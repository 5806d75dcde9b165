using Crm.Bpm.Engine.Model.Artifacts;

namespace Crm.Bpm.Engine.Model.Processes;

/// <summary>A scope that owns flow elements: a process or a sub-process (BPMN 2.0.2 §8.3.7 FlowElementsContainer).</summary>
/// <remarks>Sequence flows must connect nodes of the same container; <see cref="BpmnIndex.ContainerOf"/> tells which container owns an id.</remarks>
public interface IFlowElementsContainer
{
    string? Id { get; }

    IReadOnlyList<FlowElement> FlowElements { get; }

    IReadOnlyList<Artifact> Artifacts { get; }

    IReadOnlyList<LaneSet> LaneSets { get; }
}
