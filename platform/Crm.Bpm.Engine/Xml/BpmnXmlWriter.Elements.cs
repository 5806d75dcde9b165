using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Activities;
using Crm.Bpm.Engine.Model.Artifacts;
using Crm.Bpm.Engine.Model.Collaborations;
using Crm.Bpm.Engine.Model.Data;
using Crm.Bpm.Engine.Model.Events;
using Crm.Bpm.Engine.Model.Gateways;
using Crm.Bpm.Engine.Model.Processes;

namespace Crm.Bpm.Engine.Xml;

/// <summary>Root elements, flow elements, data and artifacts.</summary>
internal sealed partial class BpmnXmlWriter
{
    private void WriteRootElement(RootElement root)
    {
        switch (root)
        {
            case UnmodeledRootElement unmodeled:
                WriteVerbatim(unmodeled.Element);
                break;
            case Process process:
                WriteProcess(process);
                break;
            case Collaboration collaboration:
                WriteCollaboration(collaboration);
                break;
            case EventDefinition definition:
                WriteEventDefinition(definition);
                break;
            case Category category:
                Start("category");
                WriteId(category);
                Attr("name", category.Name);
                WriteLeadingChildren(category);
                foreach (var value in category.CategoryValues)
                {
                    Start("categoryValue");
                    WriteId(value);
                    Attr("value", value.Value);
                    WriteLeadingChildren(value);
                    WriteTrailingChildren(value, skipResourceRoles: false);
                    End();
                }

                WriteTrailingChildren(category, skipResourceRoles: false);
                End();
                break;
            default:
                WriteSimpleRoot(root);
                break;
        }
    }

    private void WriteSimpleRoot(RootElement root)
    {
        Start(root.ElementName);
        WriteId(root);
        switch (root)
        {
            case Message message:
                Attr("name", message.Name);
                Attr("itemRef", message.ItemRef);
                break;
            case Signal signal:
                Attr("name", signal.Name);
                Attr("structureRef", signal.StructureRef);
                break;
            case Error error:
                Attr("name", error.Name);
                Attr("errorCode", error.ErrorCode);
                Attr("structureRef", error.StructureRef);
                break;
            case Escalation escalation:
                Attr("name", escalation.Name);
                Attr("escalationCode", escalation.EscalationCode);
                Attr("structureRef", escalation.StructureRef);
                break;
            case ItemDefinition item:
                if (item.ItemKind != ItemKind.Information)
                {
                    Attr("itemKind", item.ItemKind.ToString());
                }

                Attr("structureRef", item.StructureRef);
                Attr("isCollection", item.IsCollection, false);
                break;
            case DataStore store:
                Attr("name", store.Name);
                Attr("capacity", store.Capacity);
                Attr("isUnlimited", store.IsUnlimited, true);
                Attr("itemSubjectRef", store.ItemSubjectRef);
                break;
        }

        WriteLeadingChildren(root);
        WriteTrailingChildren(root, skipResourceRoles: false);
        End();
    }

    private void WriteProcess(Process process)
    {
        Start("process");
        WriteId(process);
        Attr("name", process.Name);
        if (process.ProcessType != ProcessType.None)
        {
            Attr("processType", process.ProcessType.ToString());
        }

        Attr("isClosed", process.IsClosed, false);
        Attr("isExecutable", process.IsExecutable);
        Attr("definitionalCollaborationRef", process.DefinitionalCollaborationRef);
        WriteLeadingChildren(process);
        WriteIoSpecification(process.IoSpecification);
        foreach (var property in process.Properties)
        {
            WriteProperty(property);
        }

        WriteScope(process.LaneSets, process.FlowElements, process.Artifacts);
        WriteRefs("supports", process.Supports);
        WriteTrailingChildren(process, skipResourceRoles: false);
        End();
    }

    private void WriteScope(IReadOnlyList<LaneSet> laneSets, IReadOnlyList<FlowElement> flowElements, IReadOnlyList<Artifact> artifacts)
    {
        foreach (var laneSet in laneSets)
        {
            WriteLaneSet("laneSet", laneSet);
        }

        foreach (var element in flowElements)
        {
            WriteFlowElement(element);
        }

        foreach (var artifact in artifacts)
        {
            WriteArtifact(artifact);
        }
    }

    private void WriteLaneSet(string local, LaneSet laneSet)
    {
        Start(local);
        WriteId(laneSet);
        Attr("name", laneSet.Name);
        WriteLeadingChildren(laneSet);
        foreach (var lane in laneSet.Lanes)
        {
            Start("lane");
            WriteId(lane);
            Attr("name", lane.Name);
            Attr("partitionElementRef", lane.PartitionElementRef);
            WriteLeadingChildren(lane);
            WriteRefs("flowNodeRef", lane.FlowNodeRefs);
            if (lane.ChildLaneSet is { } child)
            {
                WriteLaneSet("childLaneSet", child);
            }

            WriteTrailingChildren(lane, skipResourceRoles: false);
            End();
        }

        WriteTrailingChildren(laneSet, skipResourceRoles: false);
        End();
    }

    private void WriteCollaboration(Collaboration collaboration)
    {
        Start("collaboration");
        WriteId(collaboration);
        Attr("name", collaboration.Name);
        Attr("isClosed", collaboration.IsClosed, false);
        WriteLeadingChildren(collaboration);
        foreach (var participant in collaboration.Participants)
        {
            Start("participant");
            WriteId(participant);
            Attr("name", participant.Name);
            Attr("processRef", participant.ProcessRef);
            WriteLeadingChildren(participant);
            WriteTrailingChildren(participant, skipResourceRoles: false);
            End();
        }

        foreach (var flow in collaboration.MessageFlows)
        {
            Start("messageFlow");
            WriteId(flow);
            Attr("name", flow.Name);
            Attr("sourceRef", flow.SourceRef);
            Attr("targetRef", flow.TargetRef);
            Attr("messageRef", flow.MessageRef);
            WriteLeadingChildren(flow);
            WriteTrailingChildren(flow, skipResourceRoles: false);
            End();
        }

        foreach (var artifact in collaboration.Artifacts)
        {
            WriteArtifact(artifact);
        }

        WriteTrailingChildren(collaboration, skipResourceRoles: false);
        End();
    }

    private void WriteArtifact(Artifact artifact)
    {
        Start(artifact.ElementName);
        WriteId(artifact);
        switch (artifact)
        {
            case TextAnnotation annotation:
                Attr("textFormat", annotation.TextFormat);
                WriteLeadingChildren(annotation);
                if (annotation.Text is not null)
                {
                    TextElement("text", annotation.Text);
                }

                break;
            case Association association:
                Attr("sourceRef", association.SourceRef);
                Attr("targetRef", association.TargetRef);
                if (association.AssociationDirection != AssociationDirection.None)
                {
                    Attr("associationDirection", association.AssociationDirection.ToString());
                }

                WriteLeadingChildren(association);
                break;
            case Group group:
                Attr("categoryValueRef", group.CategoryValueRef);
                WriteLeadingChildren(group);
                break;
            default:
                WriteLeadingChildren(artifact);
                break;
        }

        WriteTrailingChildren(artifact, skipResourceRoles: false);
        End();
    }

    private void WriteFlowElement(FlowElement element)
    {
        switch (element)
        {
            case UnmodeledFlowElement unmodeled:
                WriteVerbatim(unmodeled.Element);
                return;
            case Activity activity:
                WriteActivity(activity);
                return;
            case Event flowEvent:
                WriteEvent(flowEvent);
                return;
            case Gateway gateway:
                WriteGateway(gateway);
                return;
        }

        Start(element.ElementName);
        WriteId(element);
        Attr("name", element.Name);
        switch (element)
        {
            case SequenceFlow flow:
                Attr("sourceRef", flow.SourceRef);
                Attr("targetRef", flow.TargetRef);
                Attr("isImmediate", flow.IsImmediate);
                WriteLeadingChildren(flow);
                WriteExpression("conditionExpression", flow.ConditionExpression);
                break;
            case DataObject dataObject:
                Attr("itemSubjectRef", dataObject.ItemSubjectRef);
                Attr("isCollection", dataObject.IsCollection, false);
                WriteLeadingChildren(dataObject);
                break;
            case DataObjectReference reference:
                Attr("itemSubjectRef", reference.ItemSubjectRef);
                Attr("dataObjectRef", reference.DataObjectRef);
                WriteLeadingChildren(reference);
                break;
            case DataStoreReference reference:
                Attr("itemSubjectRef", reference.ItemSubjectRef);
                Attr("dataStoreRef", reference.DataStoreRef);
                WriteLeadingChildren(reference);
                break;
            default:
                WriteLeadingChildren(element);
                break;
        }

        WriteTrailingChildren(element, skipResourceRoles: false);
        End();
    }

    private void WriteActivity(Activity activity)
    {
        Start(activity.ElementName);
        WriteId(activity);
        Attr("name", activity.Name);
        switch (activity)
        {
            case UserTask task:
                Attr("implementation", task.Implementation);
                break;
            case ServiceTask task:
                Attr("implementation", task.Implementation);
                Attr("operationRef", task.OperationRef);
                break;
            case SendTask task:
                Attr("implementation", task.Implementation);
                Attr("messageRef", task.MessageRef);
                Attr("operationRef", task.OperationRef);
                break;
            case ReceiveTask task:
                Attr("implementation", task.Implementation);
                Attr("instantiate", task.Instantiate, false);
                Attr("messageRef", task.MessageRef);
                Attr("operationRef", task.OperationRef);
                break;
            case ScriptTask task:
                Attr("scriptFormat", task.ScriptFormat);
                break;
            case BusinessRuleTask task:
                Attr("implementation", task.Implementation);
                break;
            case CallActivity call:
                Attr("calledElement", call.CalledElement);
                break;
            case SubProcess sub:
                Attr("triggeredByEvent", sub.TriggeredByEvent, false);
                if (sub is Transaction transaction)
                {
                    Attr("method", transaction.Method);
                }
                else if (sub is AdHocSubProcess adHoc)
                {
                    if (adHoc.Ordering != AdHocOrdering.Parallel)
                    {
                        Attr("ordering", adHoc.Ordering.ToString());
                    }

                    Attr("cancelRemainingInstances", adHoc.CancelRemainingInstances, true);
                }

                break;
        }

        Attr("isForCompensation", activity.IsForCompensation, false);
        if (activity.StartQuantity != 1)
        {
            Attr("startQuantity", activity.StartQuantity);
        }

        if (activity.CompletionQuantity != 1)
        {
            Attr("completionQuantity", activity.CompletionQuantity);
        }

        Attr("default", activity.DefaultRef);
        WriteLeadingChildren(activity);
        WriteRefs("incoming", activity.IncomingRefs);
        WriteRefs("outgoing", activity.OutgoingRefs);
        WriteIoSpecification(activity.IoSpecification);
        foreach (var property in activity.Properties)
        {
            WriteProperty(property);
        }

        foreach (var association in activity.DataInputAssociations)
        {
            WriteDataAssociation(association);
        }

        foreach (var association in activity.DataOutputAssociations)
        {
            WriteDataAssociation(association);
        }

        WriteResourceRoles(activity);
        WriteLoop(activity.LoopCharacteristics);
        switch (activity)
        {
            case AdHocSubProcess adHoc:
                WriteScope(adHoc.LaneSets, adHoc.FlowElements, adHoc.Artifacts);
                WriteExpression("completionCondition", adHoc.CompletionCondition);
                break;
            case SubProcess sub:
                WriteScope(sub.LaneSets, sub.FlowElements, sub.Artifacts);
                break;
            case ScriptTask { Script: { } script }:
                TextElement("script", script);
                break;
        }

        WriteTrailingChildren(activity, skipResourceRoles: true);
        End();
    }

    private void WriteLoop(LoopCharacteristics? loop)
    {
        switch (loop)
        {
            case StandardLoopCharacteristics standard:
                Start("standardLoopCharacteristics");
                WriteId(standard);
                Attr("testBefore", standard.TestBefore, false);
                Attr("loopMaximum", standard.LoopMaximum);
                WriteLeadingChildren(standard);
                WriteExpression("loopCondition", standard.LoopCondition);
                WriteTrailingChildren(standard, skipResourceRoles: false);
                End();
                break;
            case MultiInstanceLoopCharacteristics multi:
                Start("multiInstanceLoopCharacteristics");
                WriteId(multi);
                Attr("isSequential", multi.IsSequential, false);
                if (multi.Behavior != MultiInstanceBehavior.All)
                {
                    Attr("behavior", multi.Behavior.ToString());
                }

                Attr("oneBehaviorEventRef", multi.OneBehaviorEventRef);
                Attr("noneBehaviorEventRef", multi.NoneBehaviorEventRef);
                WriteLeadingChildren(multi);
                WriteExpression("loopCardinality", multi.LoopCardinality);
                if (multi.LoopDataInputRef is not null)
                {
                    TextElement("loopDataInputRef", multi.LoopDataInputRef);
                }

                if (multi.LoopDataOutputRef is not null)
                {
                    TextElement("loopDataOutputRef", multi.LoopDataOutputRef);
                }

                if (multi.InputDataItem is not null)
                {
                    WriteDataInputOutput("inputDataItem", multi.InputDataItem);
                }

                if (multi.OutputDataItem is not null)
                {
                    WriteDataInputOutput("outputDataItem", multi.OutputDataItem);
                }

                // complexBehaviorDefinition, the only verbatim child expected here, precedes completionCondition in the schema.
                WriteTrailingChildren(multi, skipResourceRoles: false);
                WriteExpression("completionCondition", multi.CompletionCondition);
                End();
                break;
        }
    }

    private void WriteEvent(Event flowEvent)
    {
        Start(flowEvent.ElementName);
        WriteId(flowEvent);
        Attr("name", flowEvent.Name);
        switch (flowEvent)
        {
            case StartEvent start:
                Attr("isInterrupting", start.IsInterrupting, true);
                break;
            case BoundaryEvent boundary:
                Attr("cancelActivity", boundary.CancelActivity, true);
                Attr("attachedToRef", boundary.AttachedToRef);
                break;
        }

        if (flowEvent is CatchEvent catchEvent)
        {
            Attr("parallelMultiple", catchEvent.ParallelMultiple, false);
        }

        WriteLeadingChildren(flowEvent);
        WriteRefs("incoming", flowEvent.IncomingRefs);
        WriteRefs("outgoing", flowEvent.OutgoingRefs);
        foreach (var property in flowEvent.Properties)
        {
            WriteProperty(property);
        }

        switch (flowEvent)
        {
            case CatchEvent catching:
                foreach (var output in catching.DataOutputs)
                {
                    WriteDataInputOutput("dataOutput", output);
                }

                foreach (var association in catching.DataOutputAssociations)
                {
                    WriteDataAssociation(association);
                }

                if (catching.OutputSet is not null)
                {
                    WriteSet(catching.OutputSet);
                }

                foreach (var definition in catching.EventDefinitions)
                {
                    WriteEventDefinition(definition);
                }

                WriteRefs("eventDefinitionRef", catching.EventDefinitionRefs);
                break;
            case ThrowEvent throwing:
                foreach (var input in throwing.DataInputs)
                {
                    WriteDataInputOutput("dataInput", input);
                }

                foreach (var association in throwing.DataInputAssociations)
                {
                    WriteDataAssociation(association);
                }

                if (throwing.InputSet is not null)
                {
                    WriteSet(throwing.InputSet);
                }

                foreach (var definition in throwing.EventDefinitions)
                {
                    WriteEventDefinition(definition);
                }

                WriteRefs("eventDefinitionRef", throwing.EventDefinitionRefs);
                break;
        }

        WriteTrailingChildren(flowEvent, skipResourceRoles: false);
        End();
    }

    private void WriteEventDefinition(EventDefinition definition)
    {
        Start(definition.ElementName);
        WriteId(definition);
        switch (definition)
        {
            case MessageEventDefinition message:
                Attr("messageRef", message.MessageRef);
                Attr("operationRef", message.OperationRef);
                break;
            case ErrorEventDefinition error:
                Attr("errorRef", error.ErrorRef);
                break;
            case EscalationEventDefinition escalation:
                Attr("escalationRef", escalation.EscalationRef);
                break;
            case SignalEventDefinition signal:
                Attr("signalRef", signal.SignalRef);
                break;
            case CompensateEventDefinition compensate:
                Attr("waitForCompletion", compensate.WaitForCompletion, true);
                Attr("activityRef", compensate.ActivityRef);
                break;
            case LinkEventDefinition link:
                Attr("name", link.Name);
                break;
        }

        WriteLeadingChildren(definition);
        switch (definition)
        {
            case TimerEventDefinition timer:
                WriteExpression("timeDate", timer.TimeDate);
                WriteExpression("timeDuration", timer.TimeDuration);
                WriteExpression("timeCycle", timer.TimeCycle);
                break;
            case ConditionalEventDefinition conditional:
                WriteExpression("condition", conditional.Condition);
                break;
            case LinkEventDefinition link:
                WriteRefs("source", link.SourceRefs);
                if (link.TargetRef is not null)
                {
                    TextElement("target", link.TargetRef);
                }

                break;
        }

        WriteTrailingChildren(definition, skipResourceRoles: false);
        End();
    }

    private void WriteGateway(Gateway gateway)
    {
        Start(gateway.ElementName);
        WriteId(gateway);
        Attr("name", gateway.Name);
        if (gateway.GatewayDirection != GatewayDirection.Unspecified)
        {
            Attr("gatewayDirection", gateway.GatewayDirection.ToString());
        }

        switch (gateway)
        {
            case ExclusiveGateway exclusive:
                Attr("default", exclusive.DefaultRef);
                break;
            case InclusiveGateway inclusive:
                Attr("default", inclusive.DefaultRef);
                break;
            case ComplexGateway complex:
                Attr("default", complex.DefaultRef);
                break;
            case EventBasedGateway eventBased:
                Attr("instantiate", eventBased.Instantiate, false);
                if (eventBased.EventGatewayType != EventBasedGatewayType.Exclusive)
                {
                    Attr("eventGatewayType", eventBased.EventGatewayType.ToString());
                }

                break;
        }

        WriteLeadingChildren(gateway);
        WriteRefs("incoming", gateway.IncomingRefs);
        WriteRefs("outgoing", gateway.OutgoingRefs);
        if (gateway is ComplexGateway { ActivationCondition: { } activation })
        {
            WriteExpression("activationCondition", activation);
        }

        WriteTrailingChildren(gateway, skipResourceRoles: false);
        End();
    }

    private void WriteIoSpecification(IoSpecification? specification)
    {
        if (specification is null)
        {
            return;
        }

        Start("ioSpecification");
        WriteId(specification);
        WriteLeadingChildren(specification);
        foreach (var input in specification.DataInputs)
        {
            WriteDataInputOutput("dataInput", input);
        }

        foreach (var output in specification.DataOutputs)
        {
            WriteDataInputOutput("dataOutput", output);
        }

        foreach (var set in specification.InputSets)
        {
            WriteSet(set);
        }

        foreach (var set in specification.OutputSets)
        {
            WriteSet(set);
        }

        WriteTrailingChildren(specification, skipResourceRoles: false);
        End();
    }

    private void WriteDataInputOutput(string local, BaseElement element)
    {
        Start(local);
        WriteId(element);
        switch (element)
        {
            case DataInput input:
                Attr("name", input.Name);
                Attr("itemSubjectRef", input.ItemSubjectRef);
                Attr("isCollection", input.IsCollection, false);
                break;
            case DataOutput output:
                Attr("name", output.Name);
                Attr("itemSubjectRef", output.ItemSubjectRef);
                Attr("isCollection", output.IsCollection, false);
                break;
        }

        WriteLeadingChildren(element);
        WriteTrailingChildren(element, skipResourceRoles: false);
        End();
    }

    private void WriteSet(BaseElement set)
    {
        switch (set)
        {
            case InputSet input:
                Start("inputSet");
                WriteId(input);
                Attr("name", input.Name);
                WriteLeadingChildren(input);
                WriteRefs("dataInputRefs", input.DataInputRefs);
                WriteRefs("optionalInputRefs", input.OptionalInputRefs);
                WriteRefs("whileExecutingInputRefs", input.WhileExecutingInputRefs);
                WriteRefs("outputSetRefs", input.OutputSetRefs);
                break;
            case OutputSet output:
                Start("outputSet");
                WriteId(output);
                Attr("name", output.Name);
                WriteLeadingChildren(output);
                WriteRefs("dataOutputRefs", output.DataOutputRefs);
                WriteRefs("optionalOutputRefs", output.OptionalOutputRefs);
                WriteRefs("whileExecutingOutputRefs", output.WhileExecutingOutputRefs);
                WriteRefs("inputSetRefs", output.InputSetRefs);
                break;
            default:
                return;
        }

        WriteTrailingChildren(set, skipResourceRoles: false);
        End();
    }

    private void WriteProperty(Property property)
    {
        Start("property");
        WriteId(property);
        Attr("name", property.Name);
        Attr("itemSubjectRef", property.ItemSubjectRef);
        WriteLeadingChildren(property);
        WriteTrailingChildren(property, skipResourceRoles: false);
        End();
    }

    private void WriteDataAssociation(DataAssociation association)
    {
        Start(association.ElementName);
        WriteId(association);
        WriteLeadingChildren(association);
        WriteRefs("sourceRef", association.SourceRefs);
        if (association.TargetRef is not null)
        {
            TextElement("targetRef", association.TargetRef);
        }

        WriteExpression("transformation", association.Transformation);
        foreach (var assignment in association.Assignments)
        {
            Start("assignment");
            WriteId(assignment);
            WriteLeadingChildren(assignment);
            WriteExpression("from", assignment.From);
            WriteExpression("to", assignment.To);
            WriteTrailingChildren(assignment, skipResourceRoles: false);
            End();
        }

        WriteTrailingChildren(association, skipResourceRoles: false);
        End();
    }
}
