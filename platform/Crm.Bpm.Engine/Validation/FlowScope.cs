using Crm.Bpm.Engine.Model.Activities;
using Crm.Bpm.Engine.Model.Processes;

namespace Crm.Bpm.Engine.Validation;

/// <summary>One process or sub-process as the validator sees it: the nodes and flows it owns directly, and its place in the nesting.</summary>
internal sealed class FlowScope(IFlowElementsContainer container, FlowScope? parent, Process process)
{
    public IFlowElementsContainer Container { get; } = container;

    public FlowScope? Parent { get; } = parent;

    public Process Process { get; } = process;

    public List<FlowNode> Nodes { get; } = [];

    public List<SequenceFlow> Flows { get; } = [];

    /// <summary>Whether this scope is an ad-hoc sub-process, whose activities need no sequence flows (BPMN 2.0.2 §10.3.5).</summary>
    public bool IsAdHoc => Container is AdHocSubProcess;

    /// <summary>Whether this scope is an event sub-process, entered by its start event rather than by a sequence flow.</summary>
    public bool IsEventSubProcess => Container is SubProcess { TriggeredByEvent: true };
}
