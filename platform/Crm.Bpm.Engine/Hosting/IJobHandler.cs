namespace Crm.Bpm.Engine.Hosting;

/// <summary>Does the work of one job type in-process (a built-in worker), returning how the job ended.</summary>
/// <remarks>
/// The job executor may call a handler from several threads at once, for different jobs. A handler that throws is
/// treated as <see cref="JobOutcome.Fail"/> with the exception's message. A handler must not complete the job itself:
/// the executor turns the outcome into the engine command.
/// </remarks>
public interface IJobHandler
{
    /// <summary>The job type this handler works on (<c>zeebe:taskDefinition type</c>).</summary>
    string Type { get; }

    /// <summary>Works on one job; <paramref name="cancellationToken"/> is cancelled when the server stops.</summary>
    Task<JobOutcome> HandleAsync(JobContext context, CancellationToken cancellationToken);
}
