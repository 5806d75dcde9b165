namespace Crm.Bpm.Engine.Runtime.Events;

/// <summary>What happened, as recorded in a command's events.</summary>
public enum EngineEventKind
{
    ProcessInstanceStarted,
    ProcessInstanceCompleted,
    ProcessInstanceTerminated,
    ElementActivated,
    ElementCompleted,
    ElementTerminated,
    SequenceFlowTaken,
    JobCreated,
    JobCompleted,
    JobFailed,
    JobErrorThrown,
    UserTaskCreated,
    UserTaskCompleted,
    TimerCreated,
    TimerFired,
    MessageSubscriptionOpened,
    MessageCorrelated,
    MessageBuffered,
    SignalBroadcast,
    ErrorThrown,
    EscalationThrown,
    CompensationTriggered,
    DecisionEvaluated,
    IncidentCreated,
    IncidentResolved,
}
