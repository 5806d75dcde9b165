namespace Crm.Bpm.Engine.ProcessTests.Steps;

/// <summary>A worker reports that a job failed (<c>failJob</c>).</summary>
/// <param name="Job">Which job.</param>
/// <param name="Retries">The retries left, or null for the job's retries minus one.</param>
/// <param name="Message">The error message the worker gives.</param>
/// <param name="Backoff">How long before the job may be retried, or null.</param>
public sealed record FailJobStep(JobSelector Job, int? Retries, string? Message, TimeSpan? Backoff) : ProcessTestStep
{
    public override string Keyword => "failJob";
}
