namespace Crm.Bpm.Engine.Runtime.Instances;

/// <summary>Where a live element instance is in its lifecycle; completed and terminated instances leave the tree.</summary>
public enum ElementState
{
    /// <summary>Being entered: input mappings and the element's start work run (an incident here retries the activation).</summary>
    Activating,

    /// <summary>Waiting: for a job, a user, a message, a timer, a child process or its own children.</summary>
    Active,

    /// <summary>Being left: output mappings run (an incident here retries the completion).</summary>
    Completing,

    /// <summary>Completed; it has left the tree and only queued work may still refer to it.</summary>
    Completed,

    /// <summary>Terminated; it has left the tree and only queued work may still refer to it.</summary>
    Terminated,
}
