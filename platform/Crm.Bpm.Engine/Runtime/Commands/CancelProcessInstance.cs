namespace Crm.Bpm.Engine.Runtime.Commands;

/// <summary>Terminates an active instance with everything it waits for (jobs, tasks, timers, subscriptions, called instances).</summary>
/// <param name="ProcessInstanceKey">The instance's key.</param>
public sealed record CancelProcessInstance(long ProcessInstanceKey) : EngineCommand;
