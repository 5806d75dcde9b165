namespace Crm.Bpm.Engine.Runtime.History;

/// <summary>What a history event records.</summary>
public enum HistoryEventKind
{
    InstanceStarted,
    InstanceCompleted,
    InstanceTerminated,
    ElementActivated,
    ElementCompleted,
    ElementTerminated,
    UserTaskCreated,
    UserTaskCompleted,
    IncidentCreated,
    IncidentResolved,

    /// <summary>Full level: a variable was set for the first time in a scope.</summary>
    VariableCreated,

    /// <summary>Full level: a variable's value in a scope changed.</summary>
    VariableUpdated,

    /// <summary>Full level.</summary>
    JobCreated,

    /// <summary>Full level.</summary>
    JobCompleted,

    /// <summary>Full level: a worker failed the job or threw an error.</summary>
    JobFailed,
}
