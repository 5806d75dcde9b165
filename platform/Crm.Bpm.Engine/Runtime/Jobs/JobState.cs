namespace Crm.Bpm.Engine.Runtime.Jobs;

/// <summary>Whether a job can be worked on.</summary>
public enum JobState
{
    /// <summary>Waiting for a worker (possibly after a retry back-off).</summary>
    Activatable,

    /// <summary>A worker holds the job until <see cref="JobRecord.Deadline"/>; after it the job can be activated again.</summary>
    Activated,

    /// <summary>Failed with no retries left; an incident is open.</summary>
    Failed,

    /// <summary>The worker threw a BPMN error nothing caught; an incident is open.</summary>
    ErrorThrown,
}
