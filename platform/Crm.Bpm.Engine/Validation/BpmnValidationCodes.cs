namespace Crm.Bpm.Engine.Validation;

/// <summary>The stable codes of the findings <see cref="BpmnValidator"/> reports: BPMN1xx for every file, BPMN2xx for executable processes only.</summary>
/// <remarks>
/// Each code has one severity. Three rules hold for drawings and for running processes alike; in a non-executable process
/// they are warnings with a BPMN1xx code (the diagram is ambiguous), in an executable one errors with a BPMN2xx code (the
/// engine cannot run it): BPMN105/BPMN209, BPMN108/BPMN210, BPMN109/BPMN211. The parser owns BPMN001-BPMN099, including
/// duplicate ids (BPMN007), which the validator does not report again.
/// </remarks>
public static class BpmnValidationCodes
{
    /// <summary>A reference (<c>sourceRef</c>, <c>default</c>, <c>attachedToRef</c>, <c>messageRef</c>, <c>processRef</c>...) names an id that no element in the file has.</summary>
    public const string DanglingReference = "BPMN101";

    /// <summary>A reference names an element of the wrong kind (a sequence flow that targets a message, a default that is not a sequence flow).</summary>
    public const string WrongReferenceKind = "BPMN103";

    /// <summary>A sequence flow connects nodes of different scopes (process, sub-process) or lies in another scope than its nodes.</summary>
    public const string FlowAcrossScopes = "BPMN104";

    /// <summary>An exclusive or inclusive gateway of a non-executable process has several outgoing flows, more than one of them without a condition, and no default flow (warning).</summary>
    public const string GatewayWithoutConditions = "BPMN105";

    /// <summary>A default flow does not leave the gateway or activity that names it.</summary>
    public const string DefaultNotOutgoing = "BPMN106";

    /// <summary>A default flow carries a condition, which BPMN 2.0.2 (the <c>default</c> attribute of activities and gateways) says is ignored.</summary>
    public const string DefaultWithCondition = "BPMN107";

    /// <summary>In a non-executable process, a message, signal, error or escalation event (or a receive task) that needs to name what it catches or throws names nothing (warning).</summary>
    public const string EventDefinitionWithoutReference = "BPMN108";

    /// <summary>A timer event of a non-executable process has no <c>timeDate</c>, <c>timeDuration</c> or <c>timeCycle</c> (warning).</summary>
    public const string TimerWithoutExpression = "BPMN109";

    /// <summary>A boundary event is attached to something that is not an activity.</summary>
    public const string BoundaryOnNonActivity = "BPMN110";

    /// <summary>A message flow connects two elements of the same pool.</summary>
    public const string MessageFlowWithinPool = "BPMN111";

    /// <summary>A diagram shape or edge draws an element that is not in the file; modelers skip it.</summary>
    public const string DiagramElementWithoutModelElement = "BPMN112";

    /// <summary>An executable process has no start event that the engine can trigger (none, message, timer or signal).</summary>
    public const string NoStartEvent = "BPMN201";

    /// <summary>A flow node cannot be reached from any start event, event sub-process or boundary event.</summary>
    public const string UnreachableNode = "BPMN202";

    /// <summary>A flow node other than an end event has no outgoing sequence flow.</summary>
    public const string DeadEnd = "BPMN203";

    /// <summary>A task or message throw event that a job worker carries out has no <c>zeebe:taskDefinition</c> type.</summary>
    public const string MissingJobType = "BPMN204";

    /// <summary>A call activity has no <c>zeebe:calledElement</c> process id.</summary>
    public const string MissingCalledElement = "BPMN205";

    /// <summary>A message catch event or receive task waits for a message without a <c>zeebe:subscription</c> correlation key.</summary>
    public const string MissingCorrelationKey = "BPMN206";

    /// <summary>A business rule task's <c>zeebe:calledDecision</c> lacks the decision id or the result variable.</summary>
    public const string IncompleteCalledDecision = "BPMN207";

    /// <summary>A message that an executable process waits for has no name to correlate by.</summary>
    public const string MessageWithoutName = "BPMN208";

    /// <summary>BPMN105 in an executable process: the engine cannot choose a route at the gateway (error).</summary>
    public const string GatewayRouteUndefined = "BPMN209";

    /// <summary>BPMN108 in an executable process: the engine does not know what the event or receive task waits for or throws (error).</summary>
    public const string EventReferenceRequired = "BPMN210";

    /// <summary>BPMN109 in an executable process: the engine cannot schedule the timer (error).</summary>
    public const string TimerNotSchedulable = "BPMN211";
}
