using Crm.Bpm.Engine.Runtime.Expressions;

namespace Crm.Bpm.Engine.Runtime.Compilation;

/// <summary>One flow node of a compiled process: its kind, its resolved flows and boundary events, and its pre-compiled expressions.</summary>
/// <remarks>Built once per deployment and shared by every instance; never changed after compilation.</remarks>
public sealed class ExecutableNode
{
    internal ExecutableNode(int index, string id, NodeKind kind)
    {
        Index = index;
        Id = id;
        Kind = kind;
    }

    /// <summary>The node's position in <see cref="ExecutableProcess.Nodes"/>.</summary>
    public int Index { get; }

    public string Id { get; }

    public string? Name { get; internal set; }

    public NodeKind Kind { get; }

    /// <summary>The event definition of an event node, or of an event sub-process's start event.</summary>
    public EventKind Event { get; internal set; }

    /// <summary>The scope the node lives in; null only for the process node.</summary>
    public ExecutableScope? FlowScope { get; internal set; }

    /// <summary>The scope the node opens (process, sub-process, event sub-process), or null.</summary>
    public ExecutableScope? InnerScope { get; internal set; }

    /// <summary>The node's index among its scope's nodes (for reachability).</summary>
    public int LocalIndex { get; internal set; }

    public ExecutableFlow[] Outgoing { get; internal set; } = [];

    public ExecutableFlow[] Incoming { get; internal set; } = [];

    public ExecutableFlow? DefaultFlow { get; internal set; }

    /// <summary>Whether leaving the node needs a choice: a conditional or default outgoing flow, or an exclusive gateway with several.</summary>
    public bool HasConditionalOutgoing { get; internal set; }

    /// <summary>The boundary events attached to this activity.</summary>
    public ExecutableNode[] Boundaries { get; internal set; } = [];

    /// <summary>The activity a boundary event is attached to.</summary>
    public ExecutableNode? AttachedTo { get; internal set; }

    /// <summary>Whether a boundary event or event sub-process start cancels what it interrupts.</summary>
    public bool Interrupting { get; internal set; } = true;

    /// <summary>Whether the node runs through in one step without keeping an element instance (no waiting, no mappings, no boundary events).</summary>
    public bool IsTransient { get; internal set; }

    /// <summary>Whether this gateway joins more than one incoming flow.</summary>
    public bool IsJoin { get; internal set; }

    /// <summary>The first join counter of this gateway in its scope.</summary>
    public int JoinSlotBase { get; internal set; }

    public VariableMapping[] Inputs { get; internal set; } = [];

    public VariableMapping[] Outputs { get; internal set; } = [];

    /// <summary>The static message name.</summary>
    public string? MessageName { get; internal set; }

    /// <summary>The FEEL message name when the model gives one.</summary>
    public ValueSource? MessageNameSource { get; internal set; }

    public ValueSource? CorrelationKey { get; internal set; }

    public string? SignalName { get; internal set; }

    /// <summary>The error code thrown or caught; null on a catch event catches every error.</summary>
    public string? ErrorCode { get; internal set; }

    /// <summary>The escalation code thrown or caught; null on a catch event catches every escalation.</summary>
    public string? EscalationCode { get; internal set; }

    public string? LinkName { get; internal set; }

    public TimerSpec? Timer { get; internal set; }

    /// <summary>The activity a compensation throw event names, or null for the whole scope.</summary>
    public ExecutableNode? CompensateTarget { get; internal set; }

    /// <summary>The handler of an activity that has a compensation boundary event.</summary>
    public ExecutableNode? CompensationHandler { get; internal set; }

    /// <summary>Whether this activity is a compensation handler (only compensation starts it).</summary>
    public bool IsForCompensation { get; internal set; }

    public ValueSource? JobType { get; internal set; }

    public ValueSource? JobRetries { get; internal set; }

    public IReadOnlyDictionary<string, string> Headers { get; internal set; } = EmptyHeaders;

    public UserTaskSpec? UserTask { get; internal set; }

    public CompiledExpression? Script { get; internal set; }

    /// <summary>Where a script task or a business rule task puts its result.</summary>
    public string? ResultVariable { get; internal set; }

    public ValueSource? DecisionId { get; internal set; }

    public ValueSource? CalledProcessId { get; internal set; }

    public bool PropagateAllChildVariables { get; internal set; } = true;

    public bool PropagateAllParentVariables { get; internal set; } = true;

    public MultiInstanceSpec? MultiInstance { get; internal set; }

    public LoopSpec? Loop { get; internal set; }

    /// <summary>The catch events and receive tasks that follow an event-based gateway.</summary>
    public ExecutableNode[] EventGatewayTargets { get; internal set; } = [];

    internal static readonly IReadOnlyDictionary<string, string> EmptyHeaders = new Dictionary<string, string>(0);

    /// <summary>Whether the node is an activity (something boundary events can attach to).</summary>
    public bool IsActivity => Kind is NodeKind.Task or NodeKind.ManualTask or NodeKind.UserTask or NodeKind.ServiceTask
        or NodeKind.SendTask or NodeKind.BusinessRuleTask or NodeKind.ScriptTask or NodeKind.ReceiveTask
        or NodeKind.CallActivity or NodeKind.SubProcess or NodeKind.EventSubProcess;

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} '{Id}'";
}
