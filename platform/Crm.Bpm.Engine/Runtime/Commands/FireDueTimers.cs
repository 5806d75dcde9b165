namespace Crm.Bpm.Engine.Runtime.Commands;

/// <summary>Fires every timer that is due by the engine clock, repeating cycles included, until none is due.</summary>
public sealed record FireDueTimers : EngineCommand;
