using Crm.Bpm.Diagnostics;
using Crm.Bpm.Engine.Model.Activities;
using Crm.Bpm.Engine.Model.Events;
using Crm.Bpm.Engine.Model.Processes;
using Crm.Bpm.Engine.Model.Zeebe;

namespace Crm.Bpm.Engine.Validation;

/// <summary>Checks what an executable process needs to run in Camunda 8 terms: a start event, job types, called processes and decisions, correlation keys (BPMN201, BPMN204-BPMN208).</summary>
internal static class ExecutionChecks
{
    public static void Run(ValidationRun run)
    {
        var namelessMessages = new HashSet<Message>(ReferenceEqualityComparer.Instance);
        foreach (var scope in run.Graph.Scopes)
        {
            if (!ValidationRun.IsExecutable(scope.Process))
            {
                continue;
            }

            if (scope.Container is Process process)
            {
                CheckStartEvents(run, scope, process);
            }

            foreach (var node in scope.Nodes)
            {
                CheckJobType(run, node);
                switch (node)
                {
                    case CallActivity call when string.IsNullOrWhiteSpace(call.Extension<ZeebeCalledElement>()?.ProcessId):
                        run.Report(
                            DiagnosticSeverity.Error,
                            BpmnValidationCodes.MissingCalledElement,
                            call,
                            $"{ElementLabel.Sentence(call)} does not say which process to call. Set the called process id (zeebe:calledElement processId).");
                        break;
                    case BusinessRuleTask rule when rule.Extension<ZeebeCalledDecision>() is { } decision:
                        CheckCalledDecision(run, rule, decision);
                        break;
                }

                if (MessageCaughtBy(node) is { } messageRef && run.Graph.Index.Find(messageRef) is Message message)
                {
                    CheckCorrelation(run, scope, node, message, namelessMessages);
                }
            }
        }

        Reachability.Run(run);
    }

    private static void CheckStartEvents(ValidationRun run, FlowScope scope, Process process)
    {
        var starts = 0;
        foreach (var node in scope.Nodes)
        {
            if (node is StartEvent start && IsTriggerable(run, start))
            {
                starts++;
            }
        }

        if (starts == 0)
        {
            run.Report(
                DiagnosticSeverity.Error,
                BpmnValidationCodes.NoStartEvent,
                process,
                $"{ElementLabel.Sentence(process)} is executable but has no start event the engine can trigger, so it can never start. Add a start event (none, message, timer or signal) to it.");
        }
    }

    private static bool IsTriggerable(ValidationRun run, StartEvent start)
    {
        if (start.EventDefinitions.Count == 0 && start.EventDefinitionRefs.Count == 0)
        {
            return true;
        }

        foreach (var definition in start.EventDefinitions.Concat(start.EventDefinitionRefs.Select(r => run.Graph.Index.Find(r)).OfType<EventDefinition>()))
        {
            if (definition is MessageEventDefinition or TimerEventDefinition or SignalEventDefinition)
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckJobType(ValidationRun run, FlowNode node)
    {
        // Camunda 8 hands these to job workers: the job type is what a worker subscribes to. A business rule task may
        // call a DMN decision and a script task may evaluate a FEEL script instead of creating a job.
        var needsJob = node switch
        {
            ServiceTask or SendTask => true,
            BusinessRuleTask rule => rule.Extension<ZeebeCalledDecision>() is null,
            ScriptTask script => script.Extension<ZeebeScript>() is null,
            IntermediateThrowEvent or EndEvent => ((ThrowEvent)node).EventDefinitions.Any(d => d is MessageEventDefinition),
            _ => false,
        };
        if (!needsJob || !string.IsNullOrWhiteSpace(node.Extension<ZeebeTaskDefinition>()?.Type))
        {
            return;
        }

        var alternative = node switch
        {
            BusinessRuleTask => "Call a decision (zeebe:calledDecision) or set the job type (zeebe:taskDefinition type) of the worker that decides.",
            ScriptTask => "Give it a FEEL script (zeebe:script) or set the job type (zeebe:taskDefinition type) of the worker that runs it.",
            _ => "Set the job type (zeebe:taskDefinition type), for example crm:assign, so that a worker picks up its jobs.",
        };
        run.Report(
            DiagnosticSeverity.Error,
            BpmnValidationCodes.MissingJobType,
            node,
            $"{ElementLabel.Sentence(node)} is carried out by a job worker but has no job type. {alternative}");
    }

    private static void CheckCalledDecision(ValidationRun run, BusinessRuleTask rule, ZeebeCalledDecision decision)
    {
        var missing = (string.IsNullOrWhiteSpace(decision.DecisionId), string.IsNullOrWhiteSpace(decision.ResultVariable)) switch
        {
            (true, true) => "the decision id and the result variable",
            (true, false) => "the decision id",
            (false, true) => "the result variable",
            _ => null,
        };
        if (missing is not null)
        {
            run.Report(
                DiagnosticSeverity.Error,
                BpmnValidationCodes.IncompleteCalledDecision,
                rule,
                $"{ElementLabel.Sentence(rule)} calls a decision but lacks {missing}. Set the decision id to evaluate and the variable that receives its result.");
        }
    }

    /// <summary>The message reference of a node that waits for a message, or null.</summary>
    private static string? MessageCaughtBy(FlowNode node) => node switch
    {
        ReceiveTask receive => receive.MessageRef,
        CatchEvent catchEvent => catchEvent.EventDefinitions.OfType<MessageEventDefinition>().FirstOrDefault()?.MessageRef,
        _ => null,
    };

    private static void CheckCorrelation(ValidationRun run, FlowScope scope, FlowNode node, Message message, HashSet<Message> namelessMessages)
    {
        if (string.IsNullOrWhiteSpace(message.Name) && namelessMessages.Add(message))
        {
            run.Report(
                DiagnosticSeverity.Error,
                BpmnValidationCodes.MessageWithoutName,
                message,
                $"{ElementLabel.Sentence(message)}, which {ElementLabel.Of(node)} waits for, has no name, so no incoming message can be matched to it. Give the message a name.");
        }

        // Camunda 8: a message start event of the process itself opens a new instance and needs no key; every other
        // message catch waits inside an instance, which the correlation key identifies.
        if (node is StartEvent && scope.Container is Process)
        {
            return;
        }

        var key = message.Extension<ZeebeSubscription>()?.CorrelationKey ?? node.Extension<ZeebeSubscription>()?.CorrelationKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            run.Report(
                DiagnosticSeverity.Error,
                BpmnValidationCodes.MissingCorrelationKey,
                node,
                $"{ElementLabel.Sentence(node)} waits for {ElementLabel.Of(message)} without a correlation key, so the engine cannot tell which waiting instance a message is for. Set the correlation key (zeebe:subscription correlationKey), for example =leadId.");
        }
    }
}
