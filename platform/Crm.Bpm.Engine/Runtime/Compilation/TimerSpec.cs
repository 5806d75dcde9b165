namespace Crm.Bpm.Engine.Runtime.Compilation;

/// <summary>The time of a timer event: a date, a duration or a cycle, each static or FEEL.</summary>
/// <param name="Kind">Which of the three the model gives.</param>
/// <param name="Value">The value as written.</param>
public sealed record TimerSpec(TimerKind Kind, ValueSource Value);
