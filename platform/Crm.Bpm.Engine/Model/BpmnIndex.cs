using Crm.Bpm.Engine.Model.Diagram;
using Crm.Bpm.Engine.Model.Events;
using Crm.Bpm.Engine.Model.Processes;

namespace Crm.Bpm.Engine.Model;

/// <summary>Lookups over one model: element by id, the scope that owns an element, sequence flows in and out of a node, diagram elements of a semantic element.</summary>
/// <remarks>
/// The model keeps every reference as the raw id the file had (<c>sourceRef</c>, <c>attachedToRef</c>, <c>messageRef</c>...);
/// this index resolves them. A reference written as a QName (<c>tns:Message_1</c>) resolves by its local part when the
/// whole text is not an id. Built once, read-only afterwards, safe to share between threads.
/// </remarks>
public sealed class BpmnIndex
{
    private readonly Dictionary<string, BaseElement> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BaseElement>> _duplicates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IFlowElementsContainer> _containerOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Process> _processOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SequenceFlow>> _incoming = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SequenceFlow>> _outgoing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BoundaryEvent>> _boundaryEvents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DiagramElement>> _diagramElements = new(StringComparer.Ordinal);
    private readonly List<BaseElement> _all = [];

    private BpmnIndex()
    {
    }

    /// <summary>Every element of the model with an id or without, in document order (definitions first).</summary>
    public IReadOnlyList<BaseElement> AllElements => _all;

    /// <summary>Ids used by more than one semantic element (the parser reports these as BPMN007).</summary>
    public IReadOnlyCollection<string> DuplicateIds => _duplicates.Keys;

    /// <summary>Builds the index of <paramref name="definitions"/>; <see cref="BpmnDefinitions.Index"/> caches it.</summary>
    public static BpmnIndex Build(BpmnDefinitions definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var index = new BpmnIndex();
        index.Visit(definitions, container: null, process: null);
        foreach (var diagram in definitions.Diagrams)
        {
            foreach (var element in diagram.Plane?.Elements ?? [])
            {
                var bpmnElement = element switch
                {
                    BpmnShape shape => shape.BpmnElement,
                    BpmnEdge edge => edge.BpmnElement,
                    _ => null,
                };
                if (bpmnElement is not null)
                {
                    Add(index._diagramElements, bpmnElement, element);
                }
            }
        }

        return index;
    }

    /// <summary>The element with id <paramref name="id"/> (the first one when the id is duplicated), or null.</summary>
    public BaseElement? Find(string? id)
    {
        if (id is null)
        {
            return null;
        }

        if (_byId.TryGetValue(id, out var element))
        {
            return element;
        }

        var colon = id.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && _byId.TryGetValue(id[(colon + 1)..], out element) ? element : null;
    }

    /// <summary>The element with id <paramref name="id"/> if it exists and is a <typeparamref name="T"/>, else null.</summary>
    public T? Find<T>(string? id)
        where T : BaseElement => Find(id) as T;

    /// <summary>Every element that uses <paramref name="id"/>, in document order (more than one when the id is duplicated).</summary>
    public IReadOnlyList<BaseElement> ElementsWithId(string id) =>
        _duplicates.TryGetValue(id, out var list) ? list : _byId.TryGetValue(id, out var single) ? [single] : [];

    /// <summary>Whether a reference resolves to any element.</summary>
    public bool Resolves(string? id) => Find(id) is not null;

    /// <summary>The process or sub-process whose flow elements include the element with this id, or null for elements outside any flow scope.</summary>
    public IFlowElementsContainer? ContainerOf(string id) => _containerOf.GetValueOrDefault(id);

    /// <summary>The process an element belongs to, however deeply nested, or null.</summary>
    public Process? ProcessOf(string id) => _processOf.GetValueOrDefault(id);

    /// <summary>The sequence flows whose <c>targetRef</c> is <paramref name="nodeId"/>, in document order.</summary>
    public IReadOnlyList<SequenceFlow> IncomingFlows(string nodeId) => _incoming.TryGetValue(nodeId, out var flows) ? flows : [];

    /// <summary>The sequence flows whose <c>sourceRef</c> is <paramref name="nodeId"/>, in document order.</summary>
    public IReadOnlyList<SequenceFlow> OutgoingFlows(string nodeId) => _outgoing.TryGetValue(nodeId, out var flows) ? flows : [];

    /// <summary>The boundary events whose <c>attachedToRef</c> is <paramref name="activityId"/>.</summary>
    public IReadOnlyList<BoundaryEvent> BoundaryEventsOf(string activityId) => _boundaryEvents.TryGetValue(activityId, out var events) ? events : [];

    /// <summary>The shapes and edges that draw the element with this id.</summary>
    public IReadOnlyList<DiagramElement> DiagramElementsOf(string id) => _diagramElements.TryGetValue(id, out var elements) ? elements : [];

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        list.Add(value);
    }

    private void Visit(BaseElement element, IFlowElementsContainer? container, Process? process)
    {
        _all.Add(element);
        if (element.Id is { } id)
        {
            if (!_byId.TryAdd(id, element))
            {
                if (!_duplicates.TryGetValue(id, out var list))
                {
                    list = [_byId[id]];
                    _duplicates[id] = list;
                }

                list.Add(element);
            }

            if (container is not null && element is FlowElement)
            {
                _containerOf.TryAdd(id, container);
            }

            if (process is not null)
            {
                _processOf.TryAdd(id, process);
            }
        }

        switch (element)
        {
            case SequenceFlow flow:
                if (flow.SourceRef is not null)
                {
                    Add(_outgoing, flow.SourceRef, flow);
                }

                if (flow.TargetRef is not null)
                {
                    Add(_incoming, flow.TargetRef, flow);
                }

                break;
            case BoundaryEvent boundary when boundary.AttachedToRef is not null:
                Add(_boundaryEvents, boundary.AttachedToRef, boundary);
                break;
        }

        var childProcess = element as Process ?? process;
        var childContainer = element as IFlowElementsContainer ?? container;
        foreach (var owned in element.OwnedElements())
        {
            Visit(owned, owned is FlowElement ? childContainer : container, childProcess);
        }
    }
}
