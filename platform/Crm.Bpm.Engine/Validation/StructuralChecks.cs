using Crm.Bpm.Diagnostics;
using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Activities;
using Crm.Bpm.Engine.Model.Collaborations;
using Crm.Bpm.Engine.Model.Events;
using Crm.Bpm.Engine.Model.Gateways;
using Crm.Bpm.Engine.Model.Processes;

namespace Crm.Bpm.Engine.Validation;

/// <summary>Checks every process, executable or not, for shapes BPMN 2.0.2 does not allow or leaves undefined (BPMN104, BPMN105/209, BPMN108/210, BPMN109/211, BPMN111).</summary>
internal static class StructuralChecks
{
    public static void Run(ValidationRun run)
    {
        foreach (var scope in run.Graph.Scopes)
        {
            foreach (var flow in scope.Flows)
            {
                CheckScopeOfFlow(run, scope, flow);
            }

            foreach (var node in scope.Nodes)
            {
                switch (node)
                {
                    case ExclusiveGateway exclusive:
                        CheckConditions(run, scope, exclusive, exclusive.DefaultRef);
                        break;
                    case InclusiveGateway inclusive:
                        CheckConditions(run, scope, inclusive, inclusive.DefaultRef);
                        break;
                    case CatchEvent catchEvent:
                        CheckEventDefinitions(run, scope, catchEvent, isThrow: false, catchEvent.EventDefinitions, catchEvent.EventDefinitionRefs);
                        break;
                    case ThrowEvent throwEvent:
                        CheckEventDefinitions(run, scope, throwEvent, isThrow: true, throwEvent.EventDefinitions, throwEvent.EventDefinitionRefs);
                        break;
                    case ReceiveTask receive when string.IsNullOrWhiteSpace(receive.MessageRef):
                        run.ReportByExecutability(
                            scope.Process,
                            BpmnValidationCodes.EventDefinitionWithoutReference,
                            BpmnValidationCodes.EventReferenceRequired,
                            receive,
                            $"{ElementLabel.Sentence(receive)} waits for a message but does not say which one. Choose the message it waits for.");
                        break;
                }
            }
        }

        foreach (var collaboration in run.Graph.Definitions.Collaborations)
        {
            CheckMessageFlows(run, collaboration);
        }
    }

    private static void CheckScopeOfFlow(ValidationRun run, FlowScope scope, SequenceFlow flow)
    {
        var (source, target) = run.Graph.EndsOf(flow);
        var sourceScope = source is null ? scope : run.Graph.ScopeOf(source);
        var targetScope = target is null ? scope : run.Graph.ScopeOf(target);
        if (ReferenceEquals(sourceScope, scope) && ReferenceEquals(targetScope, scope))
        {
            return;
        }

        // BPMN 2.0.2 §10.3.5: a sequence flow cannot cross the border of a sub-process; the sub-process connects instead.
        var where = ReferenceEquals(sourceScope, targetScope)
            ? $"both lie in {ScopeLabel(sourceScope)} while the flow is drawn in {ScopeLabel(scope)}"
            : $"{ElementLabel.Of(source!)} lies in {ScopeLabel(sourceScope)} and {ElementLabel.Of(target!)} in {ScopeLabel(targetScope)}";
        run.Report(
            DiagnosticSeverity.Error,
            BpmnValidationCodes.FlowAcrossScopes,
            flow,
            $"{ElementLabel.Sentence(flow)} crosses a sub-process or pool border: {where}. Connect the sub-process itself, or move the elements into one scope.");
    }

    private static string ScopeLabel(FlowScope? scope) =>
        scope is null ? "no process" : scope.Container is BaseElement element ? ElementLabel.Of(element) : "another scope";

    private static void CheckConditions(ValidationRun run, FlowScope scope, Gateway gateway, string? defaultRef)
    {
        var outgoing = run.Graph.Outgoing(gateway);
        if (outgoing.Count < 2 || !string.IsNullOrWhiteSpace(defaultRef))
        {
            return;
        }

        var unconditioned = 0;
        foreach (var flow in outgoing)
        {
            if (flow.ConditionExpression is null || string.IsNullOrWhiteSpace(flow.ConditionExpression.Text))
            {
                unconditioned++;
            }
        }

        if (unconditioned > 1)
        {
            run.ReportByExecutability(
                scope.Process,
                BpmnValidationCodes.GatewayWithoutConditions,
                BpmnValidationCodes.GatewayRouteUndefined,
                gateway,
                $"{ElementLabel.Sentence(gateway)} has {outgoing.Count} outgoing flows, {unconditioned} of them without a condition, and no default flow, so the route it takes is undefined. Give each outgoing flow a condition, or mark one of them as the default flow.");
        }
    }

    private static void CheckEventDefinitions(ValidationRun run, FlowScope scope, Event owner, bool isThrow, IReadOnlyList<EventDefinition> inline, IReadOnlyList<string> refs)
    {
        foreach (var definition in inline)
        {
            CheckEventDefinition(run, scope, owner, isThrow, definition);
        }

        foreach (var definitionRef in refs)
        {
            if (run.Graph.Index.Find(definitionRef) is EventDefinition shared)
            {
                CheckEventDefinition(run, scope, owner, isThrow, shared);
            }
        }
    }

    private static void CheckEventDefinition(ValidationRun run, FlowScope scope, Event owner, bool isThrow, EventDefinition definition)
    {
        // What must be named follows Camunda 8: message catches need the message; signals always need the signal;
        // error and escalation catches without a reference catch all, but a throw must say what it throws. Message
        // throws are job-worker tasks in Camunda 8 and need no message (BPMN204 covers their job type).
        var missing = definition switch
        {
            MessageEventDefinition message when !isThrow && string.IsNullOrWhiteSpace(message.MessageRef) => ("waits for a message", "the message"),
            SignalEventDefinition signal when string.IsNullOrWhiteSpace(signal.SignalRef) => (isThrow ? "throws a signal" : "waits for a signal", "the signal"),
            ErrorEventDefinition error when isThrow && string.IsNullOrWhiteSpace(error.ErrorRef) => ("throws an error", "the error"),
            EscalationEventDefinition escalation when isThrow && string.IsNullOrWhiteSpace(escalation.EscalationRef) => ("throws an escalation", "the escalation"),
            _ => default((string What, string Which)?),
        };
        if (missing is var (what, which))
        {
            run.ReportByExecutability(
                scope.Process,
                BpmnValidationCodes.EventDefinitionWithoutReference,
                BpmnValidationCodes.EventReferenceRequired,
                owner,
                $"{ElementLabel.Sentence(owner)} {what} but does not say which one. Choose {which} in its properties.");
        }

        if (definition is TimerEventDefinition timer && IsBlank(timer.TimeDate) && IsBlank(timer.TimeDuration) && IsBlank(timer.TimeCycle))
        {
            run.ReportByExecutability(
                scope.Process,
                BpmnValidationCodes.TimerWithoutExpression,
                BpmnValidationCodes.TimerNotSchedulable,
                owner,
                $"{ElementLabel.Sentence(owner)} is a timer without a time. Set a date (timeDate), a duration (timeDuration, e.g. P3D) or a cycle (timeCycle, e.g. R/PT1H).");
        }
    }

    private static bool IsBlank(Expression? expression) => expression is null || string.IsNullOrWhiteSpace(expression.Text);

    private static void CheckMessageFlows(ValidationRun run, Collaboration collaboration)
    {
        if (collaboration.MessageFlows.Count == 0)
        {
            return;
        }

        var poolOfProcess = new Dictionary<Process, Participant>(ReferenceEqualityComparer.Instance);
        foreach (var participant in collaboration.Participants)
        {
            if (run.Graph.Index.Find(participant.ProcessRef) is Process process)
            {
                poolOfProcess.TryAdd(process, participant);
            }
        }

        foreach (var flow in collaboration.MessageFlows)
        {
            var source = PoolOf(flow.SourceRef);
            var target = PoolOf(flow.TargetRef);
            if (source is not null && ReferenceEquals(source, target))
            {
                // BPMN 2.0.2 §9.3: a message flow connects two separate pools; inside one pool a sequence flow is used.
                run.Report(
                    DiagnosticSeverity.Error,
                    BpmnValidationCodes.MessageFlowWithinPool,
                    flow,
                    $"{ElementLabel.Sentence(flow)} connects two elements of the same {ElementLabel.Of(source)}; message flows only go between pools. Use a sequence flow inside the pool, or move one end to another pool.");
            }
        }

        Participant? PoolOf(string? reference) => run.Graph.Index.Find(reference) switch
        {
            Participant participant => participant,
            FlowNode node when run.ProcessOf(node) is { } process => poolOfProcess.GetValueOrDefault(process),
            _ => null,
        };
    }
}
