namespace Crm.Bpm.Engine.Runtime.Jobs;

/// <summary>A worker's request for jobs: up to <paramref name="MaxJobs"/> jobs of the types, locked for it until <paramref name="Now"/> + <paramref name="LockTimeout"/>.</summary>
/// <param name="Types">The job types the worker handles.</param>
/// <param name="Worker">The worker's name, recorded on the jobs.</param>
/// <param name="MaxJobs">The most jobs to hand out.</param>
/// <param name="Now">The engine clock.</param>
/// <param name="LockTimeout">How long the worker holds a job before another may take it.</param>
public sealed record JobActivation(IReadOnlyList<string> Types, string Worker, int MaxJobs, DateTimeOffset Now, TimeSpan LockTimeout);
