namespace Crm.Bpm.Persistence.Engine.Tables;

/// <summary>One process instance (root state and optimistic-concurrency version), as stored in <c>bpm_process_instances</c>.</summary>
public sealed class ProcessInstanceRow
{
    public long InstanceKey { get; set; }

    public long DefinitionKey { get; set; }

    public string BpmnProcessId { get; set; } = "";

    public int State { get; set; }

    public int Version { get; set; }

    public long ParentInstanceKey { get; set; }

    public long ParentElementInstanceKey { get; set; }

    /// <summary>UTC ticks.</summary>
    public long StartTime { get; set; }

    /// <summary>UTC ticks, or null while the instance runs.</summary>
    public long? EndTime { get; set; }

    /// <summary>Engine-private JSON of the root element's extra state.</summary>
    public string Data { get; set; } = "";
}
