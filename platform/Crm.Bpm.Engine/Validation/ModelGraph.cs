using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Activities;
using Crm.Bpm.Engine.Model.Events;
using Crm.Bpm.Engine.Model.Processes;

namespace Crm.Bpm.Engine.Validation;

/// <summary>The flow graph of one model with every reference resolved once: scopes, the scope of each node, sequence flows in and out of each node, boundary events of each activity.</summary>
/// <remarks>Keys compare by reference: model records have value equality, which would be both slow and wrong for two equal-looking nodes.</remarks>
internal sealed class ModelGraph
{
    private static readonly IReadOnlyList<SequenceFlow> NoFlows = [];
    private static readonly IReadOnlyList<BoundaryEvent> NoBoundaries = [];

    private readonly Dictionary<FlowElement, FlowScope> _scopeOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IFlowElementsContainer, FlowScope> _scopeOfContainer = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<FlowNode, List<SequenceFlow>> _outgoing = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<FlowNode, List<SequenceFlow>> _incoming = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SequenceFlow, (FlowNode? Source, FlowNode? Target)> _ends = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Activity, List<BoundaryEvent>> _boundaries = new(ReferenceEqualityComparer.Instance);

    public ModelGraph(BpmnDefinitions definitions)
    {
        Definitions = definitions;
        Index = definitions.Index;
        foreach (var process in definitions.Processes)
        {
            AddScope(process, null, process);
        }

        foreach (var scope in Scopes)
        {
            foreach (var flow in scope.Flows)
            {
                var source = Index.Find(flow.SourceRef) as FlowNode;
                var target = Index.Find(flow.TargetRef) as FlowNode;
                _ends[flow] = (source, target);
                if (source is not null)
                {
                    Append(_outgoing, source, flow);
                }

                if (target is not null)
                {
                    Append(_incoming, target, flow);
                }
            }

            foreach (var node in scope.Nodes)
            {
                if (node is BoundaryEvent boundary && Index.Find(boundary.AttachedToRef) is Activity activity)
                {
                    Append(_boundaries, activity, boundary);
                }
            }
        }
    }

    public BpmnDefinitions Definitions { get; }

    public BpmnIndex Index { get; }

    /// <summary>Every process and sub-process, parents before children, in document order.</summary>
    public List<FlowScope> Scopes { get; } = [];

    public FlowScope? ScopeOf(FlowElement element) => _scopeOf.GetValueOrDefault(element);

    public FlowScope? ScopeOfContainer(IFlowElementsContainer container) => _scopeOfContainer.GetValueOrDefault(container);

    public IReadOnlyList<SequenceFlow> Outgoing(FlowNode node) => _outgoing.TryGetValue(node, out var flows) ? flows : NoFlows;

    public IReadOnlyList<SequenceFlow> Incoming(FlowNode node) => _incoming.TryGetValue(node, out var flows) ? flows : NoFlows;

    public (FlowNode? Source, FlowNode? Target) EndsOf(SequenceFlow flow) => _ends.TryGetValue(flow, out var ends) ? ends : (null, null);

    public IReadOnlyList<BoundaryEvent> BoundaryEventsOf(Activity activity) => _boundaries.TryGetValue(activity, out var events) ? events : NoBoundaries;

    private static void Append<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        list.Add(value);
    }

    private void AddScope(IFlowElementsContainer container, FlowScope? parent, Process process)
    {
        var scope = new FlowScope(container, parent, process);
        Scopes.Add(scope);
        _scopeOfContainer[container] = scope;
        foreach (var element in container.FlowElements)
        {
            _scopeOf[element] = scope;
            switch (element)
            {
                case SequenceFlow flow:
                    scope.Flows.Add(flow);
                    break;
                case FlowNode node:
                    scope.Nodes.Add(node);
                    break;
            }
        }

        foreach (var element in container.FlowElements)
        {
            if (element is SubProcess sub)
            {
                AddScope(sub, scope, process);
            }
        }
    }
}
