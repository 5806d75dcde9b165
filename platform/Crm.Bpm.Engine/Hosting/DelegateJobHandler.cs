namespace Crm.Bpm.Engine.Hosting;

/// <summary>A job handler written as a function.</summary>
internal sealed class DelegateJobHandler(string type, Func<JobContext, CancellationToken, Task<JobOutcome>> handle) : IJobHandler
{
    public string Type { get; } = type;

    public Task<JobOutcome> HandleAsync(JobContext context, CancellationToken cancellationToken) => handle(context, cancellationToken);
}
