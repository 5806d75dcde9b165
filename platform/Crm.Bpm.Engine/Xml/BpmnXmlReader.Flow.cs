using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Activities;
using Crm.Bpm.Engine.Model.Data;
using Crm.Bpm.Engine.Model.Events;
using Crm.Bpm.Engine.Model.Gateways;
using Crm.Bpm.Engine.Model.Processes;

namespace Crm.Bpm.Engine.Xml;

/// <summary>Flow elements: activities, events, gateways, sequence flows and data elements.</summary>
internal sealed partial class BpmnXmlReader
{
    /// <summary>Reads a flow element (the reader is on a BPMN element in a process or sub-process), or returns null for any other name.</summary>
    private FlowElement? TryReadFlowElement()
    {
        switch (_reader.LocalName)
        {
            case "task" or "userTask" or "manualTask" or "serviceTask" or "sendTask" or "receiveTask" or "scriptTask" or "businessRuleTask"
                or "subProcess" or "transaction" or "adHocSubProcess" or "callActivity":
                return ReadActivity(_reader.LocalName);
            case "startEvent" or "endEvent" or "intermediateCatchEvent" or "intermediateThrowEvent" or "boundaryEvent":
                return ReadEvent(_reader.LocalName);
            case "exclusiveGateway" or "inclusiveGateway" or "parallelGateway" or "complexGateway" or "eventBasedGateway":
                return ReadGateway(_reader.LocalName);
            case "sequenceFlow":
                return ReadSequenceFlow();
            case "dataObject" or "dataObjectReference" or "dataStoreReference":
                return ReadDataElement(_reader.LocalName);
            case "implicitThrowEvent" or "callChoreography" or "choreographyTask" or "subChoreography":
            {
                var position = CurrentPosition();
                var element = ReadVerbatim().Element;
                var common = default(Common);
                return Apply(new UnmodeledFlowElement { Element = element, Name = element.Attribute("name")?.Value }, element.Attribute("id")?.Value, position, ref common, []);
            }

            default:
                return null;
        }
    }

    private void RequireId(string? id, string element, SourcePosition position)
    {
        if (id is null)
        {
            Missing("'id' attribute", element, null, position, "Give every flow element an id; sequence flows and the engine refer to it.");
        }
    }

    private Activity ReadActivity(string local)
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var name = Take("name");
        var isForCompensation = TakeBool("isForCompensation", false, id, position);
        var startQuantity = TakeInt("startQuantity", id, position) ?? 1;
        var completionQuantity = TakeInt("completionQuantity", id, position) ?? 1;
        var defaultRef = Take("default");

        // Kind-specific attributes are taken now, before children overwrite the attribute buffer.
        var implementation = local is "userTask" or "serviceTask" or "sendTask" or "receiveTask" or "businessRuleTask" ? Take("implementation") : null;
        var operationRef = local is "serviceTask" or "sendTask" or "receiveTask" ? Take("operationRef") : null;
        var messageRef = local is "sendTask" or "receiveTask" ? Take("messageRef") : null;
        var instantiate = local == "receiveTask" && TakeBool("instantiate", false, id, position);
        var scriptFormat = local == "scriptTask" ? Take("scriptFormat") : null;
        var triggeredByEvent = local is "subProcess" or "transaction" or "adHocSubProcess" && TakeBool("triggeredByEvent", false, id, position);
        var method = local == "transaction" ? Take("method") : null;
        var ordering = local == "adHocSubProcess" ? TakeEnum("ordering", AdHocOrdering.Parallel, id, position) : AdHocOrdering.Parallel;
        var cancelRemaining = local != "adHocSubProcess" || TakeBool("cancelRemainingInstances", true, id, position);
        var calledElement = local == "callActivity" ? Take("calledElement") : null;
        var foreign = FinishAttributes();
        RequireId(id, local, position);

        var common = default(Common);
        var incoming = new List<string>();
        var outgoing = new List<string>();
        var properties = new List<Property>();
        var inputs = new List<DataInputAssociation>();
        var outputs = new List<DataOutputAssociation>();
        IoSpecification? ioSpecification = null;
        LoopCharacteristics? loop = null;
        string? script = null;
        Expression? completionCondition = null;
        var isScope = local is "subProcess" or "transaction" or "adHocSubProcess";
        var scope = isScope ? new ScopeParts() : null;
        if (EnterContent())
        {
            while (NextChild())
            {
                if (TryReadCommonChild(ref common))
                {
                    continue;
                }

                if (IsBpmn)
                {
                    switch (_reader.LocalName)
                    {
                        case "incoming":
                            incoming.Add(ReadRefText());
                            continue;
                        case "outgoing":
                            outgoing.Add(ReadRefText());
                            continue;
                        case "ioSpecification":
                            ioSpecification = ReadIoSpecification();
                            continue;
                        case "property":
                            properties.Add(ReadProperty());
                            continue;
                        case "dataInputAssociation":
                            inputs.Add((DataInputAssociation)ReadDataAssociation(input: true));
                            continue;
                        case "dataOutputAssociation":
                            outputs.Add((DataOutputAssociation)ReadDataAssociation(input: false));
                            continue;
                        case "standardLoopCharacteristics":
                            loop = ReadStandardLoop();
                            continue;
                        case "multiInstanceLoopCharacteristics":
                            loop = ReadMultiInstance();
                            continue;
                        case "script" when local == "scriptTask":
                        {
                            var more = common.Unmodeled;
                            script = ReadText(ref more);
                            common.Unmodeled = more;
                            continue;
                        }

                        case "completionCondition" when local == "adHocSubProcess":
                            completionCondition = ReadExpression();
                            continue;
                    }

                    if (scope is not null && TryReadScopeChild(scope))
                    {
                        continue;
                    }
                }

                KeepUnmodeled(ref common, $"{local} '{id}'");
            }
        }

        Activity activity = local switch
        {
            "task" => new BpmnTask(),
            "userTask" => new UserTask { Implementation = implementation },
            "manualTask" => new ManualTask(),
            "serviceTask" => new ServiceTask { Implementation = implementation, OperationRef = operationRef },
            "sendTask" => new SendTask { Implementation = implementation, MessageRef = messageRef, OperationRef = operationRef },
            "receiveTask" => new ReceiveTask { Implementation = implementation, Instantiate = instantiate, MessageRef = messageRef, OperationRef = operationRef },
            "scriptTask" => new ScriptTask { ScriptFormat = scriptFormat, Script = script },
            "businessRuleTask" => new BusinessRuleTask { Implementation = implementation },
            "callActivity" => new CallActivity { CalledElement = calledElement },
            "transaction" => new Transaction { TriggeredByEvent = triggeredByEvent, Method = method, LaneSets = scope!.LaneSets, FlowElements = scope.FlowElements, Artifacts = scope.Artifacts },
            "adHocSubProcess" => new AdHocSubProcess
            {
                TriggeredByEvent = triggeredByEvent,
                Ordering = ordering,
                CancelRemainingInstances = cancelRemaining,
                CompletionCondition = completionCondition,
                LaneSets = scope!.LaneSets,
                FlowElements = scope.FlowElements,
                Artifacts = scope.Artifacts,
            },
            _ => new SubProcess { TriggeredByEvent = triggeredByEvent, LaneSets = scope!.LaneSets, FlowElements = scope.FlowElements, Artifacts = scope.Artifacts },
        };
        activity = activity with
        {
            Name = name,
            IncomingRefs = incoming,
            OutgoingRefs = outgoing,
            IsForCompensation = isForCompensation,
            StartQuantity = startQuantity,
            CompletionQuantity = completionQuantity,
            DefaultRef = defaultRef,
            IoSpecification = ioSpecification,
            Properties = properties,
            DataInputAssociations = inputs,
            DataOutputAssociations = outputs,
            LoopCharacteristics = loop,
        };
        return Apply(activity, id, position, ref common, foreign);
    }

    private Event ReadEvent(string local)
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var name = Take("name");
        var isCatch = local is "startEvent" or "intermediateCatchEvent" or "boundaryEvent";
        var parallelMultiple = isCatch && TakeBool("parallelMultiple", false, id, position);
        var isInterrupting = local != "startEvent" || TakeBool("isInterrupting", true, id, position);
        var attachedToRef = local == "boundaryEvent"
            ? TakeRequired("attachedToRef", "boundaryEvent", id, position, "Attach the boundary event to an activity (attachedToRef).")
            : null;
        var cancelActivity = local != "boundaryEvent" || TakeBool("cancelActivity", true, id, position);
        var foreign = FinishAttributes();
        RequireId(id, local, position);

        var common = default(Common);
        var incoming = new List<string>();
        var outgoing = new List<string>();
        var properties = new List<Property>();
        var definitions = new List<EventDefinition>();
        var definitionRefs = new List<string>();
        var dataInputs = new List<DataInput>();
        var dataOutputs = new List<DataOutput>();
        var inputAssociations = new List<DataInputAssociation>();
        var outputAssociations = new List<DataOutputAssociation>();
        InputSet? inputSet = null;
        OutputSet? outputSet = null;
        if (EnterContent())
        {
            while (NextChild())
            {
                if (TryReadCommonChild(ref common))
                {
                    continue;
                }

                if (IsBpmn)
                {
                    var child = _reader.LocalName;
                    switch (child)
                    {
                        case "incoming":
                            incoming.Add(ReadRefText());
                            continue;
                        case "outgoing":
                            outgoing.Add(ReadRefText());
                            continue;
                        case "property":
                            properties.Add(ReadProperty());
                            continue;
                        case "eventDefinitionRef":
                            definitionRefs.Add(ReadRefText());
                            continue;
                        case "dataOutput" when isCatch:
                            dataOutputs.Add((DataOutput)ReadDataInputOutput(input: false));
                            continue;
                        case "dataOutputAssociation" when isCatch:
                            outputAssociations.Add((DataOutputAssociation)ReadDataAssociation(input: false));
                            continue;
                        case "outputSet" when isCatch:
                            outputSet = (OutputSet)ReadSet(input: false);
                            continue;
                        case "dataInput" when !isCatch:
                            dataInputs.Add((DataInput)ReadDataInputOutput(input: true));
                            continue;
                        case "dataInputAssociation" when !isCatch:
                            inputAssociations.Add((DataInputAssociation)ReadDataAssociation(input: true));
                            continue;
                        case "inputSet" when !isCatch:
                            inputSet = (InputSet)ReadSet(input: true);
                            continue;
                    }

                    if (child.EndsWith("EventDefinition", StringComparison.Ordinal) && child != "eventDefinition")
                    {
                        definitions.Add(ReadEventDefinition());
                        continue;
                    }
                }

                KeepUnmodeled(ref common, $"{local} '{id}'");
            }
        }

        Event result;
        if (isCatch)
        {
            CatchEvent catchEvent = local switch
            {
                "startEvent" => new StartEvent { IsInterrupting = isInterrupting },
                "boundaryEvent" => new BoundaryEvent { AttachedToRef = attachedToRef, CancelActivity = cancelActivity },
                _ => new IntermediateCatchEvent(),
            };
            result = catchEvent with
            {
                ParallelMultiple = parallelMultiple,
                EventDefinitions = definitions,
                EventDefinitionRefs = definitionRefs,
                DataOutputs = dataOutputs,
                DataOutputAssociations = outputAssociations,
                OutputSet = outputSet,
            };
        }
        else
        {
            ThrowEvent throwEvent = local == "endEvent" ? new EndEvent() : new IntermediateThrowEvent();
            result = throwEvent with
            {
                EventDefinitions = definitions,
                EventDefinitionRefs = definitionRefs,
                DataInputs = dataInputs,
                DataInputAssociations = inputAssociations,
                InputSet = inputSet,
            };
        }

        result = result with { Name = name, IncomingRefs = incoming, OutgoingRefs = outgoing, Properties = properties };
        return Apply(result, id, position, ref common, foreign);
    }

    private EventDefinition ReadEventDefinition()
    {
        var local = _reader.LocalName;
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var messageRef = local == "messageEventDefinition" ? Take("messageRef") : null;
        var operationRef = local == "messageEventDefinition" ? Take("operationRef") : null;
        var errorRef = local == "errorEventDefinition" ? Take("errorRef") : null;
        var escalationRef = local == "escalationEventDefinition" ? Take("escalationRef") : null;
        var signalRef = local == "signalEventDefinition" ? Take("signalRef") : null;
        var activityRef = local == "compensateEventDefinition" ? Take("activityRef") : null;
        var waitForCompletion = local != "compensateEventDefinition" || TakeBool("waitForCompletion", true, id, position);
        var linkName = local == "linkEventDefinition" ? Take("name") : null;
        var foreign = FinishAttributes();

        var common = default(Common);
        Expression? timeDate = null, timeDuration = null, timeCycle = null, condition = null;
        var sources = new List<string>();
        string? target = null;
        if (EnterContent())
        {
            while (NextChild())
            {
                if (TryReadCommonChild(ref common))
                {
                    continue;
                }

                if (IsBpmn)
                {
                    switch (_reader.LocalName)
                    {
                        case "timeDate" when local == "timerEventDefinition":
                            timeDate = ReadExpression();
                            continue;
                        case "timeDuration" when local == "timerEventDefinition":
                            timeDuration = ReadExpression();
                            continue;
                        case "timeCycle" when local == "timerEventDefinition":
                            timeCycle = ReadExpression();
                            continue;
                        case "condition" when local == "conditionalEventDefinition":
                            condition = ReadExpression();
                            continue;
                        case "source" when local == "linkEventDefinition":
                            sources.Add(ReadRefText());
                            continue;
                        case "target" when local == "linkEventDefinition":
                            target = ReadRefText();
                            continue;
                        case "eventDefinitionRef":
                            // Some tools nest a reference inside the definition; keep it verbatim.
                            break;
                    }
                }

                KeepUnmodeled(ref common, local);
            }
        }

        EventDefinition definition = local switch
        {
            "messageEventDefinition" => new MessageEventDefinition { MessageRef = messageRef, OperationRef = operationRef },
            "timerEventDefinition" => new TimerEventDefinition { TimeDate = timeDate, TimeDuration = timeDuration, TimeCycle = timeCycle },
            "errorEventDefinition" => new ErrorEventDefinition { ErrorRef = errorRef },
            "escalationEventDefinition" => new EscalationEventDefinition { EscalationRef = escalationRef },
            "signalEventDefinition" => new SignalEventDefinition { SignalRef = signalRef },
            "compensateEventDefinition" => new CompensateEventDefinition { ActivityRef = activityRef, WaitForCompletion = waitForCompletion },
            "conditionalEventDefinition" => new ConditionalEventDefinition { Condition = condition },
            "linkEventDefinition" => new LinkEventDefinition { Name = linkName, SourceRefs = sources, TargetRef = target },
            "cancelEventDefinition" => new CancelEventDefinition(),
            "terminateEventDefinition" => new TerminateEventDefinition(),
            _ => throw new InvalidOperationException($"Not an event definition: {local}"),
        };
        return Apply(definition, id, position, ref common, foreign);
    }

    private Gateway ReadGateway(string local)
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var name = Take("name");
        var direction = TakeEnum("gatewayDirection", GatewayDirection.Unspecified, id, position);
        var defaultRef = local is "exclusiveGateway" or "inclusiveGateway" or "complexGateway" ? Take("default") : null;
        var instantiate = local == "eventBasedGateway" && TakeBool("instantiate", false, id, position);
        var gatewayType = local == "eventBasedGateway" ? TakeEnum("eventGatewayType", EventBasedGatewayType.Exclusive, id, position) : EventBasedGatewayType.Exclusive;
        var foreign = FinishAttributes();
        RequireId(id, local, position);

        var common = default(Common);
        var incoming = new List<string>();
        var outgoing = new List<string>();
        Expression? activation = null;
        if (EnterContent())
        {
            while (NextChild())
            {
                if (TryReadCommonChild(ref common))
                {
                    continue;
                }

                if (IsBpmn && _reader.LocalName == "incoming")
                {
                    incoming.Add(ReadRefText());
                }
                else if (IsBpmn && _reader.LocalName == "outgoing")
                {
                    outgoing.Add(ReadRefText());
                }
                else if (IsBpmn && local == "complexGateway" && _reader.LocalName == "activationCondition")
                {
                    activation = ReadExpression();
                }
                else
                {
                    KeepUnmodeled(ref common, $"{local} '{id}'");
                }
            }
        }

        Gateway gateway = local switch
        {
            "exclusiveGateway" => new ExclusiveGateway { DefaultRef = defaultRef },
            "inclusiveGateway" => new InclusiveGateway { DefaultRef = defaultRef },
            "complexGateway" => new ComplexGateway { DefaultRef = defaultRef, ActivationCondition = activation },
            "eventBasedGateway" => new EventBasedGateway { Instantiate = instantiate, EventGatewayType = gatewayType },
            _ => new ParallelGateway(),
        };
        gateway = gateway with { Name = name, GatewayDirection = direction, IncomingRefs = incoming, OutgoingRefs = outgoing };
        return Apply(gateway, id, position, ref common, foreign);
    }

    private SequenceFlow ReadSequenceFlow()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var name = Take("name");
        const string advice = "A sequence flow must name the node it leaves (sourceRef) and the node it enters (targetRef); reconnect it in the modeler.";
        var source = TakeRequired("sourceRef", "sequenceFlow", id, position, advice);
        var target = TakeRequired("targetRef", "sequenceFlow", id, position, advice);
        var isImmediate = TakeBool("isImmediate", id, position);
        var foreign = FinishAttributes();
        RequireId(id, "sequenceFlow", position);

        var common = default(Common);
        Expression? condition = null;
        if (EnterContent())
        {
            while (NextChild())
            {
                if (TryReadCommonChild(ref common))
                {
                    continue;
                }

                if (IsBpmn && _reader.LocalName == "conditionExpression")
                {
                    condition = ReadExpression();
                }
                else
                {
                    KeepUnmodeled(ref common, $"sequenceFlow '{id}'");
                }
            }
        }

        var flow = new SequenceFlow { Name = name, SourceRef = source, TargetRef = target, IsImmediate = isImmediate, ConditionExpression = condition };
        return Apply(flow, id, position, ref common, foreign);
    }

    private FlowElement ReadDataElement(string local)
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var name = Take("name");
        var itemSubjectRef = Take("itemSubjectRef");
        FlowElement element = local switch
        {
            "dataObject" => new DataObject { Name = name, ItemSubjectRef = itemSubjectRef, IsCollection = TakeBool("isCollection", false, id, position) },
            "dataObjectReference" => new DataObjectReference { Name = name, ItemSubjectRef = itemSubjectRef, DataObjectRef = Take("dataObjectRef") },
            _ => new DataStoreReference { Name = name, ItemSubjectRef = itemSubjectRef, DataStoreRef = Take("dataStoreRef") },
        };
        var foreign = FinishAttributes();
        RequireId(id, local, position);
        var common = default(Common);
        ReadOnlyCommonChildren(ref common, local);
        return Apply(element, id, position, ref common, foreign);
    }

    /// <summary>Reads any expression-valued element (<c>conditionExpression</c>, <c>timeCycle</c>, <c>loopCardinality</c>...).</summary>
    private Expression ReadExpression()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var language = Take("language");
        var evaluatesTo = Take("evaluatesToTypeRef");
        var xsiType = _xsiType;
        var foreign = FinishAttributes();
        var common = default(Common);
        var text = "";
        if (EnterContent())
        {
            System.Text.StringBuilder? builder = null;
            while (true)
            {
                var type = _reader.NodeType;
                if (type is System.Xml.XmlNodeType.Text or System.Xml.XmlNodeType.CDATA or System.Xml.XmlNodeType.SignificantWhitespace or System.Xml.XmlNodeType.Whitespace)
                {
                    if (text.Length == 0 && builder is null)
                    {
                        text = _reader.Value;
                    }
                    else
                    {
                        builder ??= new System.Text.StringBuilder(text);
                        builder.Append(_reader.Value);
                    }

                    _reader.Read();
                }
                else if (type == System.Xml.XmlNodeType.Element)
                {
                    if (!TryReadCommonChild(ref common))
                    {
                        common.Unmodeled ??= new VerbatimElementList();
                        common.Unmodeled.Add(ReadVerbatim());
                    }
                }
                else if (type is System.Xml.XmlNodeType.EndElement or System.Xml.XmlNodeType.None)
                {
                    _reader.Read();
                    break;
                }
                else
                {
                    _reader.Read();
                }
            }

            if (builder is not null)
            {
                text = builder.ToString();
            }
        }

        return Apply(new Expression { Text = text, Language = language, EvaluatesToTypeRef = evaluatesTo, XsiType = xsiType }, id, position, ref common, foreign);
    }

    private StandardLoopCharacteristics ReadStandardLoop()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var testBefore = TakeBool("testBefore", false, id, position);
        var maximum = TakeInt("loopMaximum", id, position);
        var foreign = FinishAttributes();
        var common = default(Common);
        Expression? condition = null;
        if (EnterContent())
        {
            while (NextChild())
            {
                if (TryReadCommonChild(ref common))
                {
                    continue;
                }

                if (IsBpmn && _reader.LocalName == "loopCondition")
                {
                    condition = ReadExpression();
                }
                else
                {
                    KeepUnmodeled(ref common, "standardLoopCharacteristics");
                }
            }
        }

        return Apply(new StandardLoopCharacteristics { TestBefore = testBefore, LoopMaximum = maximum, LoopCondition = condition }, id, position, ref common, foreign);
    }

    private MultiInstanceLoopCharacteristics ReadMultiInstance()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var isSequential = TakeBool("isSequential", false, id, position);
        var behavior = TakeEnum("behavior", MultiInstanceBehavior.All, id, position);
        var oneBehavior = Take("oneBehaviorEventRef");
        var noneBehavior = Take("noneBehaviorEventRef");
        var foreign = FinishAttributes();
        var common = default(Common);
        Expression? cardinality = null, completion = null;
        string? inputRef = null, outputRef = null;
        DataInput? inputItem = null;
        DataOutput? outputItem = null;
        if (EnterContent())
        {
            while (NextChild())
            {
                if (TryReadCommonChild(ref common))
                {
                    continue;
                }

                if (IsBpmn)
                {
                    switch (_reader.LocalName)
                    {
                        case "loopCardinality":
                            cardinality = ReadExpression();
                            continue;
                        case "completionCondition":
                            completion = ReadExpression();
                            continue;
                        case "loopDataInputRef":
                            inputRef = ReadRefText();
                            continue;
                        case "loopDataOutputRef":
                            outputRef = ReadRefText();
                            continue;
                        case "inputDataItem":
                            inputItem = (DataInput)ReadDataInputOutput(input: true);
                            continue;
                        case "outputDataItem":
                            outputItem = (DataOutput)ReadDataInputOutput(input: false);
                            continue;
                    }
                }

                KeepUnmodeled(ref common, "multiInstanceLoopCharacteristics");
            }
        }

        var loop = new MultiInstanceLoopCharacteristics
        {
            IsSequential = isSequential,
            Behavior = behavior,
            OneBehaviorEventRef = oneBehavior,
            NoneBehaviorEventRef = noneBehavior,
            LoopCardinality = cardinality,
            CompletionCondition = completion,
            LoopDataInputRef = inputRef,
            LoopDataOutputRef = outputRef,
            InputDataItem = inputItem,
            OutputDataItem = outputItem,
        };
        return Apply(loop, id, position, ref common, foreign);
    }

    private IoSpecification ReadIoSpecification()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var foreign = FinishAttributes();
        var common = default(Common);
        var inputs = new List<DataInput>();
        var outputs = new List<DataOutput>();
        var inputSets = new List<InputSet>();
        var outputSets = new List<OutputSet>();
        if (EnterContent())
        {
            while (NextChild())
            {
                if (TryReadCommonChild(ref common))
                {
                    continue;
                }

                if (IsBpmn)
                {
                    switch (_reader.LocalName)
                    {
                        case "dataInput":
                            inputs.Add((DataInput)ReadDataInputOutput(input: true));
                            continue;
                        case "dataOutput":
                            outputs.Add((DataOutput)ReadDataInputOutput(input: false));
                            continue;
                        case "inputSet":
                            inputSets.Add((InputSet)ReadSet(input: true));
                            continue;
                        case "outputSet":
                            outputSets.Add((OutputSet)ReadSet(input: false));
                            continue;
                    }
                }

                KeepUnmodeled(ref common, "ioSpecification");
            }
        }

        return Apply(new IoSpecification { DataInputs = inputs, DataOutputs = outputs, InputSets = inputSets, OutputSets = outputSets }, id, position, ref common, foreign);
    }

    private BaseElement ReadDataInputOutput(bool input)
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var name = Take("name");
        var itemSubjectRef = Take("itemSubjectRef");
        var isCollection = TakeBool("isCollection", false, id, position);
        var foreign = FinishAttributes();
        var common = default(Common);
        ReadOnlyCommonChildren(ref common, input ? "dataInput" : "dataOutput");
        BaseElement element = input
            ? new DataInput { Name = name, ItemSubjectRef = itemSubjectRef, IsCollection = isCollection }
            : new DataOutput { Name = name, ItemSubjectRef = itemSubjectRef, IsCollection = isCollection };
        return Apply(element, id, position, ref common, foreign);
    }

    private BaseElement ReadSet(bool input)
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var name = Take("name");
        var foreign = FinishAttributes();
        var common = default(Common);
        var refs = new List<string>();
        var optional = new List<string>();
        var whileExecuting = new List<string>();
        var other = new List<string>();
        if (EnterContent())
        {
            while (NextChild())
            {
                if (TryReadCommonChild(ref common))
                {
                    continue;
                }

                if (IsBpmn)
                {
                    switch (_reader.LocalName)
                    {
                        case "dataInputRefs" when input:
                        case "dataOutputRefs" when !input:
                            refs.Add(ReadRefText());
                            continue;
                        case "optionalInputRefs" when input:
                        case "optionalOutputRefs" when !input:
                            optional.Add(ReadRefText());
                            continue;
                        case "whileExecutingInputRefs" when input:
                        case "whileExecutingOutputRefs" when !input:
                            whileExecuting.Add(ReadRefText());
                            continue;
                        case "outputSetRefs" when input:
                        case "inputSetRefs" when !input:
                            other.Add(ReadRefText());
                            continue;
                    }
                }

                KeepUnmodeled(ref common, input ? "inputSet" : "outputSet");
            }
        }

        BaseElement set = input
            ? new InputSet { Name = name, DataInputRefs = refs, OptionalInputRefs = optional, WhileExecutingInputRefs = whileExecuting, OutputSetRefs = other }
            : new OutputSet { Name = name, DataOutputRefs = refs, OptionalOutputRefs = optional, WhileExecutingOutputRefs = whileExecuting, InputSetRefs = other };
        return Apply(set, id, position, ref common, foreign);
    }

    private Property ReadProperty()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var property = new Property { Name = Take("name"), ItemSubjectRef = Take("itemSubjectRef") };
        var foreign = FinishAttributes();
        var common = default(Common);
        ReadOnlyCommonChildren(ref common, "property");
        return Apply(property, id, position, ref common, foreign);
    }

    private DataAssociation ReadDataAssociation(bool input)
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var foreign = FinishAttributes();
        var common = default(Common);
        var sources = new List<string>();
        string? target = null;
        Expression? transformation = null;
        var assignments = new List<Assignment>();
        if (EnterContent())
        {
            while (NextChild())
            {
                if (TryReadCommonChild(ref common))
                {
                    continue;
                }

                if (IsBpmn)
                {
                    switch (_reader.LocalName)
                    {
                        case "sourceRef":
                            sources.Add(ReadRefText());
                            continue;
                        case "targetRef":
                            target = ReadRefText();
                            continue;
                        case "transformation":
                            transformation = ReadExpression();
                            continue;
                        case "assignment":
                            assignments.Add(ReadAssignment());
                            continue;
                    }
                }

                KeepUnmodeled(ref common, input ? "dataInputAssociation" : "dataOutputAssociation");
            }
        }

        DataAssociation association = input ? new DataInputAssociation() : new DataOutputAssociation();
        association = association with { SourceRefs = sources, TargetRef = target, Transformation = transformation, Assignments = assignments };
        return Apply(association, id, position, ref common, foreign);
    }

    private Assignment ReadAssignment()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var foreign = FinishAttributes();
        var common = default(Common);
        Expression? from = null, to = null;
        if (EnterContent())
        {
            while (NextChild())
            {
                if (TryReadCommonChild(ref common))
                {
                    continue;
                }

                if (IsBpmn && _reader.LocalName == "from")
                {
                    from = ReadExpression();
                }
                else if (IsBpmn && _reader.LocalName == "to")
                {
                    to = ReadExpression();
                }
                else
                {
                    KeepUnmodeled(ref common, "assignment");
                }
            }
        }

        return Apply(new Assignment { From = from, To = to }, id, position, ref common, foreign);
    }

}
