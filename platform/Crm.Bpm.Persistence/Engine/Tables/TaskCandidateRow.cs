namespace Crm.Bpm.Persistence.Engine.Tables;

/// <summary>One candidate user (kind 0) or group (kind 1) of an open user task, as stored in <c>bpm_task_candidates</c>.</summary>
public sealed class TaskCandidateRow
{
    public long TaskKey { get; set; }

    public int CandidateKind { get; set; }

    public string Candidate { get; set; } = "";
}
