namespace Crm.Bpm.Engine.Runtime.Commands;

/// <summary>Fires one timer that is due (what a timer scheduler runs for each timer it acquired); refused, changing nothing, when the timer is gone or not yet due.</summary>
/// <param name="TimerKey">The timer's key.</param>
public sealed record FireTimer(long TimerKey) : EngineCommand;
