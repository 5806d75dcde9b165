namespace Crm.Bpm.Persistence.Engine.Tables;

/// <summary>One history event (what happened to an instance, element, variable, task, job or incident), as stored in <c>bpm_history</c>.</summary>
public sealed class HistoryEventRow
{
    public long EventKey { get; set; }

    /// <summary>UTC ticks.</summary>
    public long EventTime { get; set; }

    public int Kind { get; set; }

    public long InstanceKey { get; set; }

    public long DefinitionKey { get; set; }

    public string BpmnProcessId { get; set; } = "";

    public string? ElementId { get; set; }

    public long ElementInstanceKey { get; set; }

    public string? ElementType { get; set; }

    public string? VariableName { get; set; }

    public string? Value { get; set; }

    public long ScopeKey { get; set; }

    public long TaskKey { get; set; }

    public long IncidentKey { get; set; }

    public long JobKey { get; set; }

    public string? Detail { get; set; }
}
