namespace Crm.Bpm.Engine.Model.Processes;

/// <summary>A node that sequence flows connect: an activity, an event or a gateway (BPMN 2.0.2 §8.3.13).</summary>
public abstract record FlowNode : FlowElement
{
    /// <summary>The ids listed in <c>incoming</c> children, as written; the authoritative links are the sequence flows' own refs.</summary>
    public IReadOnlyList<string> IncomingRefs { get; init; } = [];

    /// <summary>The ids listed in <c>outgoing</c> children, as written.</summary>
    public IReadOnlyList<string> OutgoingRefs { get; init; } = [];
}
