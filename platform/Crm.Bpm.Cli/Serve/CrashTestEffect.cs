using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Cli.Serve;

/// <summary>The crash-test handler's side effect: a row in the side-effect table, committed with the job's completion or not at all.</summary>
internal sealed record CrashTestEffect(long JobKey, long ProcessInstanceKey, string NodeId) : ICommitEffect
{
    public void Apply(CommitContext context) => CrashTestEffects.Insert(context, JobKey, ProcessInstanceKey, NodeId);
}
