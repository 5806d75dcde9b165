namespace Crm.Bpm.Engine.Runtime.Timers;

/// <summary>A timer scheduler's request for due timers: up to <paramref name="MaxTimers"/>, locked for <paramref name="Owner"/> until <paramref name="Now"/> + <paramref name="LockTimeout"/>.</summary>
/// <param name="Owner">The scheduler (server) name.</param>
/// <param name="MaxTimers">The most timers to hand out.</param>
/// <param name="Now">The engine clock; timers due at or before it are taken.</param>
/// <param name="LockTimeout">How long the owner holds a timer before another scheduler may take it.</param>
public sealed record TimerAcquisition(string Owner, int MaxTimers, DateTimeOffset Now, TimeSpan LockTimeout);
