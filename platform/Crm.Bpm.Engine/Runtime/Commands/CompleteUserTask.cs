namespace Crm.Bpm.Engine.Runtime.Commands;

/// <summary>A person finished a user task; its variables are merged into the instance and the task completes.</summary>
/// <param name="UserTaskKey">The user task's key.</param>
public sealed record CompleteUserTask(long UserTaskKey) : EngineCommand;
