namespace Crm.Bpm.Engine.Runtime.Commands;

/// <summary>A worker could not do a job: with retries left the job waits again (after the back-off); with none an incident opens.</summary>
/// <param name="JobKey">The job's key.</param>
/// <param name="Retries">The retries left after this failure.</param>
public sealed record FailJob(long JobKey, int Retries) : EngineCommand
{
    public string? ErrorMessage { get; init; }

    /// <summary>How long to wait before the job may be worked on again.</summary>
    public TimeSpan? RetryBackoff { get; init; }
}
