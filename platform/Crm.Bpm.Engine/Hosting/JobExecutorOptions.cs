using Crm.Bpm.Engine.Runtime.Jobs;

namespace Crm.Bpm.Engine.Hosting;

/// <summary>How a job executor acquires and runs jobs: its node id (lock owner), concurrency, lock timeout, poll interval and retry back-off.</summary>
public sealed record JobExecutorOptions
{
    /// <summary>The server's id, recorded as the worker (lock owner) of every job it activates.</summary>
    public required string NodeId { get; init; }

    /// <summary>The most handlers running at once on this node.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>The most jobs taken by one activation (never more than the free handler slots).</summary>
    public int MaxJobsPerActivation { get; init; } = 32;

    /// <summary>How long this node holds an activated job; after it another node may take the job (this node is presumed crashed).</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the database is asked for jobs when nothing on this node signalled new ones.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The back-off after the first failure of a job; each later failure doubles it.</summary>
    public TimeSpan InitialRetryBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest retry back-off.</summary>
    public TimeSpan MaxRetryBackoff { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The retries a job is assumed to start with (Camunda's default, 3), from which the failure count is derived.</summary>
    public int BackoffReferenceRetries { get; init; } = 3;

    /// <summary>The first wait after the database was unreachable; doubled up to <see cref="MaxUnavailableBackoff"/> while it stays so.</summary>
    public TimeSpan UnavailableBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between attempts to reach an unavailable database.</summary>
    public TimeSpan MaxUnavailableBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The back-off before retrying a job that failed now: <see cref="InitialRetryBackoff"/> doubled per earlier failure, at most <see cref="MaxRetryBackoff"/>.</summary>
    /// <remarks>
    /// A job record does not count its failures; a job that has fewer retries left than
    /// <see cref="BackoffReferenceRetries"/> is taken to have failed that many times before, so the back-off is the same
    /// whichever node runs the retry.
    /// </remarks>
    public TimeSpan RetryBackoff(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var earlierFailures = Math.Clamp(BackoffReferenceRetries - job.Retries, 0, 30);
        var ticks = InitialRetryBackoff.Ticks * Math.Pow(2, earlierFailures);
        return ticks >= MaxRetryBackoff.Ticks ? MaxRetryBackoff : TimeSpan.FromTicks((long)ticks);
    }
}
