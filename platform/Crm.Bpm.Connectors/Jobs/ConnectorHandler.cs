using Crm.Bpm.Engine.Hosting;

namespace Crm.Bpm.Connectors.Jobs;

/// <summary>The base of the built-in connectors: reads the job's inputs, runs the work, and turns a bad input into a failure without retries (an incident that says what to fix).</summary>
/// <remarks>Any other exception escapes to the job executor, which fails the job with retries and back-off (a database or server that is down may come back).</remarks>
public abstract class ConnectorHandler : IJobHandler
{
    /// <inheritdoc/>
    public abstract string Type { get; }

    /// <inheritdoc/>
    public async Task<JobOutcome> HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await RunAsync(new JobInputs(context), context, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorInputException e)
        {
            return JobOutcome.Fail(e.Message, retries: 0);
        }
    }

    /// <summary>Does the connector's work for one job.</summary>
    protected abstract Task<JobOutcome> RunAsync(JobInputs inputs, JobContext context, CancellationToken cancellationToken);
}
