namespace Crm.Bpm.Engine.Runtime.Compilation;

/// <summary>How a timer event's time is given (BPMN 2.0.2 §10.5.5 Timer Event Definition).</summary>
public enum TimerKind
{
    /// <summary>A point in time (ISO 8601 date-time).</summary>
    Date,

    /// <summary>A time span from when the timer opens (ISO 8601 duration).</summary>
    Duration,

    /// <summary>A repeating interval (ISO 8601 <c>R3/PT1H</c>).</summary>
    Cycle,
}
