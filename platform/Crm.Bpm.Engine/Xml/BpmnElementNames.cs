namespace Crm.Bpm.Engine.Xml;

/// <summary>The element names BPMN 2.0.2 defines in its semantic namespace, and the ones this model interprets.</summary>
internal static class BpmnElementNames
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "activationCondition", "adHocSubProcess", "assignment", "association", "auditing", "boundaryEvent",
        "businessRuleTask", "callActivity", "callChoreography", "callConversation", "callableElement",
        "calledChoreographyRef", "cancelEventDefinition", "catchEvent", "category", "categoryValue",
        "categoryValueRef", "childLaneSet", "choreography", "choreographyActivity", "choreographyRef",
        "choreographyTask", "collaboration", "compensateEventDefinition", "completionCondition",
        "complexBehaviorDefinition", "complexGateway", "condition", "conditionExpression",
        "conditionalEventDefinition", "conversation", "conversationAssociation", "conversationLink",
        "conversationNode", "conversationNodeRef", "correlationKey", "correlationKeyRef", "correlationProperty",
        "correlationPropertyBinding", "correlationPropertyRef", "correlationPropertyRetrievalExpression",
        "correlationSubscription", "dataAssociation", "dataInput", "dataInputAssociation", "dataInputRefs",
        "dataObject", "dataObjectReference", "dataOutput", "dataOutputAssociation", "dataOutputRefs", "dataPath",
        "dataState", "dataStore", "dataStoreRef", "dataStoreReference", "definitions", "documentation", "endEvent",
        "endPoint", "endPointRef", "error", "errorEventDefinition", "errorRef", "escalation",
        "escalationEventDefinition", "event", "eventBasedGateway", "eventDefinition", "eventDefinitionRef",
        "exclusiveGateway", "expression", "extension", "extensionElements", "flowElement", "flowNode", "flowNodeRef",
        "formalExpression", "from", "gateway", "globalBusinessRuleTask", "globalChoreographyTask",
        "globalConversation", "globalManualTask", "globalScriptTask", "globalTask", "globalUserTask", "group",
        "humanPerformer", "implementationRef", "implicitThrowEvent", "import", "inMessageRef", "inclusiveGateway",
        "incoming", "innerConversationNodeRef", "innerMessageFlowRef", "innerParticipantRef", "inputDataItem",
        "inputSet", "inputSetRefs", "interface", "interfaceRef", "intermediateCatchEvent", "intermediateThrowEvent",
        "ioBinding", "ioSpecification", "itemDefinition", "lane", "laneSet", "linkEventDefinition", "loopCardinality",
        "loopCharacteristics", "loopCondition", "loopDataInputRef", "loopDataOutputRef", "manualTask", "message",
        "messageEventDefinition", "messageFlow", "messageFlowAssociation", "messageFlowRef", "messagePath",
        "monitoring", "multiInstanceLoopCharacteristics", "operation", "operationRef", "optionalInputRefs",
        "optionalOutputRefs", "outMessageRef", "outerConversationNodeRef", "outerMessageFlowRef",
        "outerParticipantRef", "outgoing", "outputDataItem", "outputSet", "outputSetRefs", "parallelGateway",
        "parameterRef", "participant", "participantAssociation", "participantMultiplicity", "participantRef",
        "partitionElement", "partitionElementRef", "partnerEntity", "partnerRole", "performer", "potentialOwner",
        "process", "property", "receiveTask", "relationship", "rendering", "resource", "resourceAssignmentExpression",
        "resourceParameter", "resourceParameterBinding", "resourceParameterRef", "resourceRef", "resourceRole",
        "rootElement", "script", "scriptTask", "sendTask", "sequenceFlow", "serviceTask", "signal",
        "signalEventDefinition", "source", "sourceRef", "standardLoopCharacteristics", "startEvent", "subChoreography",
        "subConversation", "subProcess", "supports", "target", "targetRef", "task", "terminateEventDefinition", "text",
        "textAnnotation", "throwEvent", "timeCycle", "timeDate", "timeDuration", "timerEventDefinition", "to",
        "transaction", "transformation", "userTask", "whileExecutingInputRefs", "whileExecutingOutputRefs",
    };

    private static readonly HashSet<string> Modeled = new(StringComparer.Ordinal)
    {
        "adHocSubProcess", "assignment", "association", "boundaryEvent", "businessRuleTask", "callActivity",
        "cancelEventDefinition", "category", "categoryValue", "collaboration", "compensateEventDefinition",
        "complexGateway", "conditionalEventDefinition", "dataInput", "dataInputAssociation", "dataObject",
        "dataObjectReference", "dataOutput", "dataOutputAssociation", "dataStore", "dataStoreReference", "definitions",
        "documentation", "endEvent", "error", "errorEventDefinition", "escalation", "escalationEventDefinition",
        "eventBasedGateway", "exclusiveGateway", "extensionElements", "group", "import", "inclusiveGateway",
        "inputSet", "intermediateCatchEvent", "intermediateThrowEvent", "ioSpecification", "itemDefinition", "lane",
        "laneSet", "linkEventDefinition", "manualTask", "message", "messageEventDefinition", "messageFlow",
        "multiInstanceLoopCharacteristics", "outputSet", "parallelGateway", "participant", "process", "property",
        "receiveTask", "scriptTask", "sendTask", "sequenceFlow", "serviceTask", "signal", "signalEventDefinition",
        "standardLoopCharacteristics", "startEvent", "subProcess", "task", "terminateEventDefinition",
        "textAnnotation", "timerEventDefinition", "transaction", "userTask",
    };

    /// <summary>Whether BPMN 2.0.2 (Semantic.xsd) defines an element or child element with this local name.</summary>
    public static bool IsKnown(string localName) => Known.Contains(localName);

    /// <summary>Whether the model interprets elements of this name somewhere, so meeting one in an unexpected place is a mistake.</summary>
    public static bool IsModeled(string localName) => Modeled.Contains(localName);
}
