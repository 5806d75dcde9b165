using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Engine.Runtime.Timers;

/// <summary>A timer that fires a timer event when the clock reaches <see cref="DueDate"/>.</summary>
public sealed record TimerRecord : IKeyedRecord
{
    public required long Key { get; init; }

    /// <summary>The instance the timer belongs to, or 0 for a timer start event.</summary>
    public long ProcessInstanceKey { get; init; }

    /// <summary>The element instance that owns the timer (the catch event, the activity of a boundary event, the scope of an event sub-process, the event-based gateway), or 0.</summary>
    public long ElementInstanceKey { get; init; }

    /// <summary>The timer event's element id.</summary>
    public required string ElementId { get; init; }

    public required string BpmnProcessId { get; init; }

    public required long ProcessDefinitionKey { get; init; }

    public required DateTimeOffset DueDate { get; init; }

    /// <summary>How many more times the timer fires, this time included; -1 repeats forever.</summary>
    public int Repetitions { get; init; } = 1;

    /// <summary>The ISO 8601 interval between repetitions of a cycle, or null.</summary>
    public string? Interval { get; init; }

    /// <summary>The cron expression of a cron cycle (the next due date follows it), or null.</summary>
    public string? Cron { get; init; }

    /// <summary>The scheduler that acquired the timer to fire it, or null.</summary>
    public string? LockOwner { get; init; }

    /// <summary>Until when <see cref="LockOwner"/> holds the timer; after it another scheduler may acquire it.</summary>
    public DateTimeOffset? LockedUntil { get; init; }
}
