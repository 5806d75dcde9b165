namespace Crm.Bpm.Persistence.Engine.Tables;

/// <summary>One timer with its acquisition lock, as stored in <c>bpm_timers</c>.</summary>
public sealed class TimerRow
{
    public long TimerKey { get; set; }

    public long InstanceKey { get; set; }

    public long ElementInstanceKey { get; set; }

    public string ElementId { get; set; } = "";

    public string BpmnProcessId { get; set; } = "";

    public long DefinitionKey { get; set; }

    /// <summary>UTC ticks.</summary>
    public long DueDate { get; set; }

    public int Repetitions { get; set; }

    public string? Interval { get; set; }

    public string? Cron { get; set; }

    public string? LockOwner { get; set; }

    /// <summary>UTC ticks, or null.</summary>
    public long? LockedUntil { get; set; }
}
