using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Jobs;

namespace Crm.Bpm.Engine.Hosting;

/// <summary>A job as a handler sees it: the activated job record and the node that holds its lock.</summary>
/// <param name="Job">The job as activated (state, worker and lock deadline set).</param>
/// <param name="NodeId">The server (lock owner) running the handler.</param>
public sealed record JobContext(JobRecord Job, string NodeId)
{
    /// <summary>The job's key.</summary>
    public long Key => Job.Key;

    /// <summary>The key of the process instance the job belongs to.</summary>
    public long ProcessInstanceKey => Job.ProcessInstanceKey;

    /// <summary>The variables visible at the task when the job was created.</summary>
    public IReadOnlyDictionary<string, JsonElement> Variables => Job.Variables;

    /// <summary>The task headers (<c>zeebe:taskHeaders</c>).</summary>
    public IReadOnlyDictionary<string, string> CustomHeaders => Job.CustomHeaders;
}
