using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Compilation;
using Crm.Bpm.Engine.Runtime.Events;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Runtime.Execution;

internal sealed partial class Executor
{
    private void ActivateNode(ProcessInstance instance, in Work work)
    {
        var node = work.Node;
        var scope = work.Scope;
        if (work.Kind == WorkKind.Activate && node.IsJoin && work.Flow is { } flow && !ArriveAtJoin(instance, node, scope, flow))
        {
            return;
        }

        if (node.IsTransient && !work.Triggered && work.Role == ElementRole.Normal && work.CompensationThrower == 0)
        {
            RunTransient(instance, node, scope);
            return;
        }

        var role = work.Role == ElementRole.Inner ? ElementRole.Inner
            : node.MultiInstance is not null ? ElementRole.MultiInstanceBody
            : node.Loop is not null ? ElementRole.LoopBody
            : ElementRole.Normal;
        var element = new ElementInstance(_uow.NewKey(), node, scope, role)
        {
            State = ElementState.Activating,
            LoopIndex = work.LoopIndex,
            IsTriggered = work.Triggered,
            CompensationThrowerKey = role == ElementRole.Inner ? 0 : work.CompensationThrower,
        };
        instance.Add(element);
        if (_recording)
        {
            _uow.Emit(EngineEventKind.ElementActivated, instance, node.Id, element.Key);
        }

        switch (role)
        {
            case ElementRole.MultiInstanceBody:
                ActivateMultiInstanceBody(instance, element);
                return;
            case ElementRole.LoopBody:
                ActivateLoopBody(instance, element);
                return;
            case ElementRole.Inner:
                SetInnerVariables(element);
                break;
        }

        ActivateElement(instance, element, work.Payload);
    }

    /// <summary>Runs a node that neither waits nor maps variables, without an element instance object.</summary>
    private void RunTransient(ProcessInstance instance, ExecutableNode node, ElementInstance scope)
    {
        var key = _uow.NewKey();
        if (_recording)
        {
            _uow.Emit(EngineEventKind.ElementActivated, instance, node.Id, key);
        }

        switch (node.Kind)
        {
            case NodeKind.ExclusiveGateway:
            case NodeKind.InclusiveGateway:
            case NodeKind.ParallelGateway:
                RunGateway(instance, node, scope, null, key);
                return;
            case NodeKind.EndEvent:
                if (_recording)
                {
                    _uow.Emit(EngineEventKind.ElementCompleted, instance, node.Id, key);
                }

                ConsumeToken(instance, scope);
                return;
            case NodeKind.IntermediateThrowEvent when node.Event == EventKind.Link:
                if (_recording)
                {
                    _uow.Emit(EngineEventKind.ElementCompleted, instance, node.Id, key);
                }

                EnqueueActivate(instance, node.FlowScope!.LinkTargets[node.LinkName!], scope, null, addToken: false);
                return;
        }

        ExecutableFlow[] flows;
        if (node.HasConditionalOutgoing)
        {
            if (!TrySelectFlows(node, scope, out flows, out var error))
            {
                var element = Materialize(instance, node, scope, key, ElementState.Completing);
                RaiseIncident(instance, element, IncidentType.ConditionError, error!);
                return;
            }
        }
        else
        {
            flows = node.Outgoing;
        }

        if (_recording)
        {
            _uow.Emit(EngineEventKind.ElementCompleted, instance, node.Id, key);
        }

        TakeFlows(instance, scope, flows);
    }

    /// <summary>Enters an element instance: input mappings, subscriptions of its boundary events and event sub-processes, then its kind's behaviour.</summary>
    private void ActivateElement(ProcessInstance instance, ElementInstance element, Dictionary<string, JsonElement>? payload)
    {
        var node = element.Node;
        if (node.Inputs.Length > 0 && !ApplyInputs(instance, element))
        {
            return;
        }

        if (element.Role != ElementRole.Inner && node.Boundaries.Length > 0 && NeedsBoundaries(node) && !OpenBoundaries(instance, element))
        {
            return;
        }

        if (node.Kind is NodeKind.SubProcess or NodeKind.EventSubProcess && !OpenEventSubProcesses(instance, element))
        {
            return;
        }

        switch (node.Kind)
        {
            case NodeKind.Task:
            case NodeKind.ManualTask:
                CompleteElement(instance, element);
                break;
            case NodeKind.StartEvent:
            case NodeKind.BoundaryEvent:
                ApplyCompletionVariables(element, payload);
                CompleteElement(instance, element);
                break;
            case NodeKind.IntermediateCatchEvent:
                if (element.IsTriggered || node.Event is EventKind.None or EventKind.Link)
                {
                    ApplyCompletionVariables(element, payload);
                    CompleteElement(instance, element);
                }
                else if (OpenSubscription(instance, element, node, element))
                {
                    // Active only once the subscription is open: an incident while opening retries the activation.
                    element.State = ElementState.Active;
                }

                break;
            case NodeKind.ReceiveTask:
                if (element.IsTriggered)
                {
                    ApplyCompletionVariables(element, payload);
                    CompleteElement(instance, element);
                }
                else if (OpenSubscription(instance, element, node, element))
                {
                    element.State = ElementState.Active;
                }

                break;
            case NodeKind.UserTask:
                CreateUserTask(instance, element);
                break;
            case NodeKind.ServiceTask:
            case NodeKind.SendTask:
                if (node.JobType is not null)
                {
                    CreateJob(instance, element);
                }
                else
                {
                    CompleteElement(instance, element);
                }

                break;
            case NodeKind.BusinessRuleTask:
                if (node.DecisionId is not null)
                {
                    EvaluateDecision(instance, element);
                }
                else if (node.JobType is not null)
                {
                    CreateJob(instance, element);
                }
                else
                {
                    CompleteElement(instance, element);
                }

                break;
            case NodeKind.ScriptTask:
                if (node.Script is not null)
                {
                    RunScript(instance, element);
                }
                else if (node.JobType is not null)
                {
                    CreateJob(instance, element);
                }
                else
                {
                    CompleteElement(instance, element);
                }

                break;
            case NodeKind.CallActivity:
                StartCalledProcess(instance, element);
                break;
            case NodeKind.SubProcess:
                element.State = ElementState.Active;
                EnqueueActivate(instance, node.InnerScope!.NoneStart!, element, null, addToken: true);
                break;
            case NodeKind.EventSubProcess:
                element.State = ElementState.Active;
                EnqueueActivate(instance, node.InnerScope!.NoneStart!, element, null, addToken: true, triggered: true, payload);
                break;
            case NodeKind.EndEvent:
            case NodeKind.IntermediateThrowEvent:
                RunThrowEvent(instance, element);
                break;
            case NodeKind.ExclusiveGateway:
            case NodeKind.InclusiveGateway:
            case NodeKind.ParallelGateway:
                RunGateway(instance, node, element.Parent!, element, element.Key);
                break;
            case NodeKind.EventBasedGateway:
                foreach (var target in node.EventGatewayTargets)
                {
                    if (!OpenSubscription(instance, element, target, element))
                    {
                        return;
                    }
                }

                element.State = ElementState.Active;
                break;
        }
    }

    private static bool NeedsBoundaries(ExecutableNode node)
    {
        foreach (var boundary in node.Boundaries)
        {
            if (boundary.Event is EventKind.Message or EventKind.Timer or EventKind.Signal)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Leaves an element instance: output mappings, closing its subscriptions, then its outgoing flows (or its body, its compensation thrower).</summary>
    private void CompleteElement(ProcessInstance instance, ElementInstance element)
    {
        var node = element.Node;
        element.State = ElementState.Completing;
        var conditionMet = false;
        switch (element.Role)
        {
            case ElementRole.MultiInstanceBody:
                if (node.MultiInstance!.OutputCollection is { } collection && element.LocalVariables is { } locals && locals.TryGetValue(collection, out var collected))
                {
                    Propagate(element.Parent!, collection, collected);
                }

                break;
            case ElementRole.LoopBody:
                break;
            default:
                if (node.Outputs.Length > 0 && !ApplyOutputs(instance, element))
                {
                    return;
                }

                if (element.Role == ElementRole.Inner && !CollectInnerOutput(instance, element, out conditionMet))
                {
                    return;
                }

                break;
        }

        var flows = node.Outgoing;
        if (element.Role != ElementRole.Inner && element.CompensationThrowerKey == 0 && node.HasConditionalOutgoing
            && !TrySelectFlows(node, element, out flows, out var error))
        {
            RaiseIncident(instance, element, IncidentType.ConditionError, error!);
            return;
        }

        if (element.Owned is not null)
        {
            CloseOwned(element);
        }

        var parent = element.Parent!;
        RemoveElement(instance, element, ElementState.Completed);
        RegisterCompensation(element);

        if (element.Role == ElementRole.Inner)
        {
            InnerCompleted(instance, parent, conditionMet);
        }
        else if (element.CompensationThrowerKey != 0)
        {
            CompensationHandlerCompleted(instance, element);
            ConsumeToken(instance, parent);
        }
        else if (node.Kind == NodeKind.IntermediateThrowEvent && node.Event == EventKind.Link)
        {
            EnqueueActivate(instance, node.FlowScope!.LinkTargets[node.LinkName!], parent, null, addToken: false);
        }
        else
        {
            TakeFlows(instance, parent, flows);
        }
    }

    /// <summary>Chooses the outgoing flows of a non-gateway node: every unconditional flow and each whose condition holds, else the default flow.</summary>
    private bool TrySelectFlows(ExecutableNode node, ElementInstance lookupStart, out ExecutableFlow[] flows, out string? error)
    {
        switch (node.Kind)
        {
            case NodeKind.ExclusiveGateway:
                return TrySelectExclusive(node, lookupStart, out flows, out error);
            case NodeKind.InclusiveGateway:
                return TrySelectInclusive(node, lookupStart, out flows, out error);
        }

        var selected = new List<ExecutableFlow>(node.Outgoing.Length);
        foreach (var flow in node.Outgoing)
        {
            if (flow.IsDefault)
            {
                continue;
            }

            if (flow.Condition is null)
            {
                selected.Add(flow);
                continue;
            }

            if (!TryEvaluateCondition(flow, lookupStart, out var holds, out error))
            {
                flows = [];
                return false;
            }

            if (holds)
            {
                selected.Add(flow);
            }
        }

        if (selected.Count == 0 && node.DefaultFlow is { } fallback)
        {
            selected.Add(fallback);
        }

        if (selected.Count == 0)
        {
            flows = [];
            error = $"No outgoing sequence flow of '{node.Id}' has a condition that holds, and it has no default flow; add a default flow or fix the conditions.";
            return false;
        }

        flows = [.. selected];
        error = null;
        return true;
    }

    private bool TryEvaluateCondition(ExecutableFlow flow, ElementInstance lookupStart, out bool holds, out string? error)
    {
        holds = false;
        var result = flow.Condition!.Evaluate(_lookup.Reset(lookupStart));
        if (!result.Succeeded)
        {
            error = $"The condition {flow.Condition} of sequence flow '{flow.Id}' failed: {result.Error}";
            return false;
        }

        switch (result.Value.ValueKind)
        {
            case JsonValueKind.True:
                holds = true;
                error = null;
                return true;
            case JsonValueKind.False:
                error = null;
                return true;
            default:
                error = $"Expected the condition {flow.Condition} of sequence flow '{flow.Id}' to be true or false, but it was {Describe(result)}.";
                return false;
        }
    }

    private static void ApplyCompletionVariables(ElementInstance element, Dictionary<string, JsonElement>? variables)
    {
        if (variables is null || variables.Count == 0)
        {
            return;
        }

        // Camunda 8: with output mappings the variables stay local to the element and only the outputs propagate;
        // without, each variable is set where it already exists (from the element upwards) or else on the process.
        if (element.Node.Outputs.Length > 0)
        {
            var locals = element.LocalVariables ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var (name, value) in variables)
            {
                locals[name] = value;
            }
        }
        else
        {
            foreach (var (name, value) in variables)
            {
                Propagate(element, name, value);
            }
        }
    }
}
