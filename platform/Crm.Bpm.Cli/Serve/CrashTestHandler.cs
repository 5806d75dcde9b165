using Crm.Bpm.Engine.Hosting;

namespace Crm.Bpm.Cli.Serve;

/// <summary>The <c>crash-test</c> job type: completes the job with one side-effect row (job, instance, node) written in the completion's transaction.</summary>
internal sealed class CrashTestHandler : IJobHandler
{
    public string Type => CrashTestEffects.JobType;

    public Task<JobOutcome> HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var effect = new CrashTestEffect(context.Key, context.ProcessInstanceKey, context.NodeId);
        return Task.FromResult(JobOutcome.Complete(new Dictionary<string, object?> { ["handledBy"] = context.NodeId }, [effect]));
    }
}
