namespace Crm.Bpm.Engine.Hosting;

/// <summary>How a handler ended a job.</summary>
public enum JobOutcomeKind
{
    /// <summary>The work is done; the task completes with the outcome's variables.</summary>
    Complete,

    /// <summary>The work failed; the job is retried after a back-off, or an incident opens when no retries are left.</summary>
    Fail,

    /// <summary>A business error: a BPMN error with the code is thrown at the task.</summary>
    Error,
}
