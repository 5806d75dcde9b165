namespace Crm.Bpm.Engine.Runtime.Commands;

/// <summary>Broadcasts a signal to every waiting signal event and signal start event with the name.</summary>
/// <param name="Name">The signal name.</param>
public sealed record BroadcastSignal(string Name) : EngineCommand;
