namespace Crm.Bpm.Engine.Model.Processes;

/// <summary>An element of a process graph that lives in a flow-element container (BPMN 2.0.2 §8.3.5): a flow node, a sequence flow or a data element.</summary>
public abstract record FlowElement : BaseElement
{
    public string? Name { get; init; }
}
