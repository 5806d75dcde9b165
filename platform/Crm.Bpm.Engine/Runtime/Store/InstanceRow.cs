using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Runtime.Store;

/// <summary>The row of one process instance: its identity, state and version, and the root scope's engine-private bookkeeping as JSON.</summary>
public sealed record InstanceRow
{
    public required long Key { get; init; }

    public required long ProcessDefinitionKey { get; init; }

    public required string BpmnProcessId { get; init; }

    public ProcessInstanceState State { get; init; }

    public int Version { get; init; }

    public long ParentInstanceKey { get; init; }

    public long ParentElementInstanceKey { get; init; }

    public DateTimeOffset StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Engine-private JSON of the root scope's extra state (tokens, join counters, owned subscriptions...); stores keep it as it is.</summary>
    public required string Data { get; init; }
}
