namespace Crm.Bpm.Engine.Runtime.Compilation;

/// <summary>The kind of an executable node, which selects its behaviour.</summary>
public enum NodeKind
{
    Process,
    StartEvent,
    EndEvent,
    IntermediateCatchEvent,
    IntermediateThrowEvent,
    BoundaryEvent,
    Task,
    ManualTask,
    UserTask,
    ServiceTask,
    SendTask,
    BusinessRuleTask,
    ScriptTask,
    ReceiveTask,
    CallActivity,
    SubProcess,
    EventSubProcess,
    ExclusiveGateway,
    ParallelGateway,
    InclusiveGateway,
    EventBasedGateway,
}
