namespace Crm.Bpm.Engine.Runtime.Commands;

/// <summary>A worker finished a job; its variables are merged into the instance and the task completes.</summary>
/// <param name="JobKey">The job's key.</param>
public sealed record CompleteJob(long JobKey) : EngineCommand;
