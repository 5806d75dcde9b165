using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Runtime.Store;

/// <summary>The row of one live element instance (not the root) of a process instance.</summary>
public sealed record ElementRow
{
    public required long Key { get; init; }

    public required long ProcessInstanceKey { get; init; }

    /// <summary>The element instance whose scope contains this one (the process instance key for top-level elements).</summary>
    public required long ParentKey { get; init; }

    public required string ElementId { get; init; }

    public ElementState State { get; init; }

    /// <summary>Engine-private JSON of the element's bookkeeping (role, tokens, wait key, loop counters...); stores keep it as it is.</summary>
    public required string Data { get; init; }
}
