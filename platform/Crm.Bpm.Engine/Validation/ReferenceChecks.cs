using Crm.Bpm.Diagnostics;
using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Activities;
using Crm.Bpm.Engine.Model.Artifacts;
using Crm.Bpm.Engine.Model.Collaborations;
using Crm.Bpm.Engine.Model.Data;
using Crm.Bpm.Engine.Model.Diagram;
using Crm.Bpm.Engine.Model.Events;
using Crm.Bpm.Engine.Model.Gateways;
using Crm.Bpm.Engine.Model.Processes;

namespace Crm.Bpm.Engine.Validation;

/// <summary>Checks that every reference in a file names an element that exists and is of the right kind (BPMN101, BPMN103, BPMN106, BPMN107, BPMN110, BPMN112).</summary>
internal static class ReferenceChecks
{
    public static void Run(ValidationRun run)
    {
        var index = run.Graph.Index;
        foreach (var element in index.AllElements)
        {
            switch (element)
            {
                case SequenceFlow flow:
                    Check(run, flow, flow.SourceRef, "its source", static e => e is FlowNode, "an activity, event or gateway");
                    Check(run, flow, flow.TargetRef, "its target", static e => e is FlowNode, "an activity, event or gateway");
                    break;
                case BoundaryEvent boundary:
                    CheckAttachment(run, boundary);
                    break;
                case Participant participant:
                    Check(run, participant, participant.ProcessRef, "its process", static e => e is Process, "a process");
                    break;
                case MessageFlow messageFlow:
                    Check(run, messageFlow, messageFlow.SourceRef, "its source", static e => e is Participant or FlowNode, "a pool or a flow node");
                    Check(run, messageFlow, messageFlow.TargetRef, "its target", static e => e is Participant or FlowNode, "a pool or a flow node");
                    Check(run, messageFlow, messageFlow.MessageRef, "its message", static e => e is Message, "a message");
                    break;
                case Lane lane:
                    foreach (var nodeRef in lane.FlowNodeRefs)
                    {
                        Check(run, lane, nodeRef, "a member", static e => e is FlowNode, "a flow node");
                    }

                    break;
                case Association association:
                    Check(run, association, association.SourceRef, "its source", static _ => true, "an element");
                    Check(run, association, association.TargetRef, "its target", static _ => true, "an element");
                    break;
                case DataAssociation data:
                    foreach (var sourceRef in data.SourceRefs)
                    {
                        Check(run, data, sourceRef, "a source", static _ => true, "a data element");
                    }

                    Check(run, data, data.TargetRef, "its target", static _ => true, "a data element");
                    break;
                case DataObjectReference objectReference:
                    Check(run, objectReference, objectReference.DataObjectRef, "its data object", static e => e is DataObject, "a data object");
                    break;
                case DataStoreReference storeReference:
                    Check(run, storeReference, storeReference.DataStoreRef, "its data store", static e => e is DataStore, "a data store");
                    break;
                case Group group:
                    Check(run, group, group.CategoryValueRef, "its category value", static e => e is CategoryValue, "a category value");
                    break;
                case Process process:
                    Check(run, process, process.DefinitionalCollaborationRef, "its collaboration", static e => e is Collaboration, "a collaboration");
                    break;
                case SendTask send:
                    Check(run, send, send.MessageRef, "its message", static e => e is Message, "a message");
                    break;
                case ReceiveTask receive:
                    Check(run, receive, receive.MessageRef, "its message", static e => e is Message, "a message");
                    break;
            }

            switch (element)
            {
                case Activity activity:
                    CheckDefault(run, activity, activity.DefaultRef);
                    break;
                case ExclusiveGateway exclusive:
                    CheckDefault(run, exclusive, exclusive.DefaultRef);
                    break;
                case InclusiveGateway inclusive:
                    CheckDefault(run, inclusive, inclusive.DefaultRef);
                    break;
                case ComplexGateway complex:
                    CheckDefault(run, complex, complex.DefaultRef);
                    break;
            }

            switch (element)
            {
                case CatchEvent catchEvent:
                    CheckEventDefinitions(run, catchEvent, catchEvent.EventDefinitions, catchEvent.EventDefinitionRefs);
                    break;
                case ThrowEvent throwEvent:
                    CheckEventDefinitions(run, throwEvent, throwEvent.EventDefinitions, throwEvent.EventDefinitionRefs);
                    break;
            }
        }

        // Event definitions may also stand at the root and be shared through eventDefinitionRef (BPMN 2.0.2 §10.5.5);
        // their references are checked once here, on the definition itself.
        foreach (var definition in run.Graph.Definitions.RootElements.OfType<EventDefinition>())
        {
            CheckEventDefinitionRefs(run, definition, definition);
        }

        CheckDiagrams(run);
    }

    /// <summary>Reports a reference that names nothing (BPMN101) or the wrong kind of element (BPMN103); returns the element when it is right.</summary>
    public static BaseElement? Check(ValidationRun run, BaseElement owner, string? reference, string role, Func<BaseElement, bool> accepts, string expected)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        var target = run.Graph.Index.Find(reference);
        if (target is null)
        {
            run.Report(
                DiagnosticSeverity.Error,
                BpmnValidationCodes.DanglingReference,
                owner,
                $"{ElementLabel.Sentence(owner)} names \"{reference}\" as {role}, but no element in this file has that id. Point it at an existing element or add the missing one.");
            return null;
        }

        if (!accepts(target))
        {
            run.Report(
                DiagnosticSeverity.Error,
                BpmnValidationCodes.WrongReferenceKind,
                owner,
                $"{ElementLabel.Sentence(owner)} names \"{reference}\" as {role}, but that is {ElementLabel.WithArticle(target)}, not {expected}. Point it at {expected}.");
            return null;
        }

        return target;
    }

    private static void CheckAttachment(ValidationRun run, BoundaryEvent boundary)
    {
        var target = Check(run, boundary, boundary.AttachedToRef, "the activity it is attached to", static _ => true, "an activity");
        if (target is not null and not Activity)
        {
            run.Report(
                DiagnosticSeverity.Error,
                BpmnValidationCodes.BoundaryOnNonActivity,
                boundary,
                $"{ElementLabel.Sentence(boundary)} is attached to {ElementLabel.Of(target)}, but boundary events can only be attached to tasks, sub-processes and call activities. Attach it to an activity, or use an intermediate event in the flow instead.");
        }
    }

    private static void CheckDefault(ValidationRun run, FlowNode owner, string? defaultRef)
    {
        if (Check(run, owner, defaultRef, "its default flow", static e => e is SequenceFlow, "a sequence flow") is not SequenceFlow flow)
        {
            return;
        }

        var (source, _) = run.Graph.EndsOf(flow);
        if (!ReferenceEquals(source, owner))
        {
            var from = source is null ? "somewhere else" : ElementLabel.Of(source);
            run.Report(
                DiagnosticSeverity.Error,
                BpmnValidationCodes.DefaultNotOutgoing,
                owner,
                $"{ElementLabel.Sentence(owner)} names sequence flow \"{flow.Id}\" as its default flow, but that flow leaves {from}. Choose one of its own outgoing flows as the default.");
        }
        else if (flow.ConditionExpression is { } condition && !string.IsNullOrWhiteSpace(condition.Text))
        {
            run.Report(
                DiagnosticSeverity.Warning,
                BpmnValidationCodes.DefaultWithCondition,
                owner,
                $"The default flow \"{flow.Id}\" of {ElementLabel.Of(owner)} has a condition, which is ignored: a default flow is taken exactly when no other condition holds. Remove the condition.");
        }
    }

    private static void CheckEventDefinitions(ValidationRun run, Event owner, IReadOnlyList<EventDefinition> definitions, IReadOnlyList<string> definitionRefs)
    {
        foreach (var definition in definitions)
        {
            CheckEventDefinitionRefs(run, owner, definition);
        }

        foreach (var definitionRef in definitionRefs)
        {
            Check(run, owner, definitionRef, "an event definition", static e => e is EventDefinition, "an event definition");
        }
    }

    private static void CheckEventDefinitionRefs(ValidationRun run, BaseElement owner, EventDefinition definition)
    {
        switch (definition)
        {
            case MessageEventDefinition message:
                Check(run, owner, message.MessageRef, "its message", static e => e is Message, "a message");
                break;
            case SignalEventDefinition signal:
                Check(run, owner, signal.SignalRef, "its signal", static e => e is Signal, "a signal");
                break;
            case ErrorEventDefinition error:
                Check(run, owner, error.ErrorRef, "its error", static e => e is Error, "an error");
                break;
            case EscalationEventDefinition escalation:
                Check(run, owner, escalation.EscalationRef, "its escalation", static e => e is Escalation, "an escalation");
                break;
            case CompensateEventDefinition compensate:
                Check(run, owner, compensate.ActivityRef, "the activity to compensate", static e => e is Activity, "an activity");
                break;
        }
    }

    private static void CheckDiagrams(ValidationRun run)
    {
        var index = run.Graph.Index;
        foreach (var diagram in run.Graph.Definitions.Diagrams)
        {
            if (diagram.Plane is not { } plane)
            {
                continue;
            }

            CheckDrawn(run, index, plane, plane.BpmnElement);
            foreach (var element in plane.Elements)
            {
                var drawn = element switch
                {
                    BpmnShape shape => shape.BpmnElement,
                    BpmnEdge edge => edge.BpmnElement,
                    _ => null,
                };
                CheckDrawn(run, index, element, drawn);
            }
        }
    }

    private static void CheckDrawn(ValidationRun run, BpmnIndex index, DiagramElement element, string? drawn)
    {
        if (string.IsNullOrWhiteSpace(drawn) || index.Resolves(drawn))
        {
            return;
        }

        run.Report(
            DiagnosticSeverity.Warning,
            BpmnValidationCodes.DiagramElementWithoutModelElement,
            element,
            $"The diagram {(element is BpmnEdge ? "edge" : element is BpmnPlane ? "plane" : "shape")} \"{element.Id}\" draws \"{drawn}\", which is not in this file, so modelers will not show it. Delete the {(element is BpmnEdge ? "edge" : "shape")} or restore the element.");
    }
}
