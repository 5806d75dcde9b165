namespace Crm.Bpm.Engine.Runtime.History;

/// <summary>One recorded fact of a process instance's past, written in the same commit as the change it records.</summary>
public sealed record HistoryEvent
{
    /// <summary>A key unique across every kind of row; history events of one instance are ordered by it.</summary>
    public long Key { get; init; }

    public DateTimeOffset Time { get; init; }

    public HistoryEventKind Kind { get; init; }

    public long ProcessInstanceKey { get; init; }

    public long ProcessDefinitionKey { get; init; }

    public string BpmnProcessId { get; init; } = "";

    /// <summary>The element (or, for instance events, the process id), or null.</summary>
    public string? ElementId { get; init; }

    /// <summary>The element instance, or 0.</summary>
    public long ElementInstanceKey { get; init; }

    /// <summary>The BPMN element kind (<c>ServiceTask</c>, <c>ExclusiveGateway</c>...), or null.</summary>
    public string? ElementType { get; init; }

    /// <summary>For variable events: the variable's name.</summary>
    public string? VariableName { get; init; }

    /// <summary>For variable events: the new value as JSON.</summary>
    public string? Value { get; init; }

    /// <summary>For variable events: the element instance (or process instance) whose scope holds the variable.</summary>
    public long ScopeKey { get; init; }

    public long TaskKey { get; init; }

    public long IncidentKey { get; init; }

    public long JobKey { get; init; }

    /// <summary>Extra text: the job type, the incident message, the error message.</summary>
    public string? Detail { get; init; }
}
