using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Compilation;
using Crm.Bpm.Engine.Runtime.Events;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Messages;

namespace Crm.Bpm.Engine.Runtime.Execution;

internal sealed partial class Executor
{
    /// <summary>Runs an end or intermediate throw event according to its event definition.</summary>
    private void RunThrowEvent(ProcessInstance instance, ElementInstance element)
    {
        var node = element.Node;
        switch (node.Event)
        {
            case EventKind.Message when node.JobType is not null:
                CreateJob(instance, element);
                return;
            case EventKind.Signal:
                BroadcastSignal(node.SignalName!, element.LocalVariables is null ? null : new Dictionary<string, JsonElement>(element.LocalVariables, StringComparer.Ordinal));
                break;
            case EventKind.Error:
                if (!ThrowBpmnError(instance, element, node.ErrorCode!, element.LocalVariables))
                {
                    RaiseIncident(instance, element, IncidentType.UnhandledErrorEvent, $"Error end event '{node.Id}' threw error code '{node.ErrorCode}', but no boundary event or event sub-process catches it.");
                }

                return;
            case EventKind.Escalation:
                ThrowEscalation(instance, element, node.EscalationCode);
                break;
            case EventKind.Compensation:
                ThrowCompensation(instance, element);
                return;
            case EventKind.Terminate:
                TerminateScope(instance, element);
                return;
        }

        if (element.IsLive)
        {
            CompleteElement(instance, element);
        }
    }

    /// <summary>BPMN 2.0.2 §10.5.6 / Camunda 8: a terminate end event terminates everything else in its scope, which then completes.</summary>
    private void TerminateScope(ProcessInstance instance, ElementInstance element)
    {
        var scope = element.Parent!;
        TerminateChildren(instance, scope, except: element);
        scope.JoinCounts = null;
        scope.Epoch++;
        scope.Tokens = 1;
        CompleteElement(instance, element);
    }

    /// <summary>Throws a BPMN error from <paramref name="thrower"/>: the nearest enclosing catch wins (boundary events of the element and each enclosing activity, event sub-processes of each scope, across call activities); false when nothing catches it.</summary>
    private bool ThrowBpmnError(ProcessInstance instance, ElementInstance thrower, string code, IReadOnlyDictionary<string, JsonElement>? variables)
    {
        var payload = variables is { Count: > 0 } ? new Dictionary<string, JsonElement>(variables, StringComparer.Ordinal) : null;
        var current = thrower;
        var currentInstance = instance;
        while (true)
        {
            if (current.Role != ElementRole.Inner && !ReferenceEquals(current, currentInstance.Root)
                && MatchCatch(current.Node.Boundaries, EventKind.Error, code) is { } boundary)
            {
                _uow.Emit(EngineEventKind.ErrorThrown, instance, thrower.Node.Id, thrower.Key, code);
                var scope = current.Parent!;
                TerminateElement(currentInstance, current);
                EnqueueActivate(currentInstance, boundary, scope, null, addToken: false, triggered: true, payload);
                return true;
            }

            var parent = current.Parent;
            if (parent is null)
            {
                // The root of a called instance: the error crosses the call activity into the caller.
                if (currentInstance.ParentInstanceKey == 0
                    || _uow.GetInstance(currentInstance.ParentInstanceKey) is not { State: ProcessInstanceState.Active } caller
                    || caller.FindElement(currentInstance.ParentElementInstanceKey) is not { } callActivity)
                {
                    return false;
                }

                currentInstance = caller;
                current = callActivity;
                continue;
            }

            if (parent.Role is ElementRole.Normal or ElementRole.Inner && !parent.Interrupted && parent.Node.InnerScope is { } inner
                && MatchCatch(inner.EventSubProcessStarts, EventKind.Error, code) is { } start)
            {
                _uow.Emit(EngineEventKind.ErrorThrown, instance, thrower.Node.Id, thrower.Key, code);
                TriggerEventSubProcess(currentInstance, parent, start, payload);
                return true;
            }

            current = parent;
        }
    }

    /// <summary>Throws an escalation: like an error it goes to the nearest catch, but a non-interrupting catch lets the thrower continue and nothing catching is not a problem.</summary>
    private void ThrowEscalation(ProcessInstance instance, ElementInstance thrower, string? code)
    {
        _uow.Emit(EngineEventKind.EscalationThrown, instance, thrower.Node.Id, thrower.Key, code);
        var current = thrower;
        var currentInstance = instance;
        while (true)
        {
            if (current.Role != ElementRole.Inner && !ReferenceEquals(current, currentInstance.Root)
                && MatchCatch(current.Node.Boundaries, EventKind.Escalation, code) is { } boundary)
            {
                var scope = current.Parent!;
                if (boundary.Interrupting)
                {
                    TerminateElement(currentInstance, current);
                    EnqueueActivate(currentInstance, boundary, scope, null, addToken: false, triggered: true);
                }
                else
                {
                    EnqueueActivate(currentInstance, boundary, scope, null, addToken: true, triggered: true);
                }

                return;
            }

            var parent = current.Parent;
            if (parent is null)
            {
                if (currentInstance.ParentInstanceKey == 0
                    || _uow.GetInstance(currentInstance.ParentInstanceKey) is not { State: ProcessInstanceState.Active } caller
                    || caller.FindElement(currentInstance.ParentElementInstanceKey) is not { } callActivity)
                {
                    return;
                }

                currentInstance = caller;
                current = callActivity;
                continue;
            }

            if (parent.Role is ElementRole.Normal or ElementRole.Inner && !parent.Interrupted && parent.Node.InnerScope is { } inner
                && MatchCatch(inner.EventSubProcessStarts, EventKind.Escalation, code) is { } start)
            {
                TriggerEventSubProcess(currentInstance, parent, start, null);
                return;
            }

            current = parent;
        }
    }

    /// <summary>The catch event for the code: one naming exactly that code first, else one that catches every code.</summary>
    private static ExecutableNode? MatchCatch(ExecutableNode[] candidates, EventKind kind, string? code)
    {
        ExecutableNode? catchAll = null;
        foreach (var candidate in candidates)
        {
            if (candidate.Event != kind)
            {
                continue;
            }

            var candidateCode = kind == EventKind.Error ? candidate.ErrorCode : candidate.EscalationCode;
            if (candidateCode is null)
            {
                catchAll ??= candidate;
            }
            else if (candidateCode == code)
            {
                return candidate;
            }
        }

        return catchAll;
    }

    /// <summary>Triggers every signal subscription and signal start event with the name; returns how many.</summary>
    private int BroadcastSignal(string name, Dictionary<string, JsonElement>? payload)
    {
        _uow.Emit(EngineEventKind.SignalBroadcast, null, null, 0, name);
        var count = 0;
        foreach (var subscription in _uow.FindSubscriptions(SubscriptionKind.Signal, name, null))
        {
            var copy = payload is null ? null : new Dictionary<string, JsonElement>(payload, StringComparer.Ordinal);
            if (subscription.ProcessInstanceKey == 0)
            {
                if (_repository.Find(subscription.ProcessDefinitionKey) is { } definition && definition.FindNode(subscription.ElementId) is { } start)
                {
                    StartTriggered(definition, start, copy);
                    count++;
                }

                continue;
            }

            if (_uow.GetInstance(subscription.ProcessInstanceKey) is { State: ProcessInstanceState.Active } instance
                && instance.FindElement(subscription.ElementInstanceKey) is { } owner
                && instance.Definition.FindNode(subscription.ElementId) is { } node)
            {
                TriggerEvent(instance, owner, node, copy);
                count++;
            }
        }

        return count;
    }

    private static void RegisterCompensation(ElementInstance element)
    {
        if (element.Parent is not { } parent)
        {
            return;
        }

        if (element.Node.CompensationHandler is not null && element.Role is ElementRole.Normal or ElementRole.Inner && element.CompensationThrowerKey == 0)
        {
            (parent.Compensable ??= []).Add(new CompensationEntry(element.Node, element.Key));
        }

        if (element.Compensable is { Count: > 0 } inner)
        {
            // Completed activities inside a completed sub-process stay compensable from the enclosing scope (BPMN 2.0.2 §10.7.2).
            var list = parent.Compensable ??= [];
            foreach (var entry in inner)
            {
                list.Add(entry with { Via = element.Node });
            }
        }
    }

    /// <summary>BPMN 2.0.2 §10.7: runs the compensation handlers of the scope's completed activities (or of the named one), most recent first, one after another.</summary>
    private void ThrowCompensation(ProcessInstance instance, ElementInstance thrower)
    {
        var scope = thrower.Parent!;
        if (scope.Node.Kind == NodeKind.EventSubProcess && scope.Parent is { } enclosing)
        {
            // Compensation thrown in an event sub-process compensates the scope that contains it.
            scope = enclosing;
        }

        var target = thrower.Node.CompensateTarget;
        var selected = new List<CompensationEntry>();
        if (scope.Compensable is { } entries)
        {
            for (var i = entries.Count - 1; i >= 0; i--)
            {
                if (target is null || ReferenceEquals(entries[i].Activity, target) || ReferenceEquals(entries[i].Via, target))
                {
                    selected.Add(entries[i]);
                    entries.RemoveAt(i);
                }
            }
        }

        _uow.Emit(EngineEventKind.CompensationTriggered, instance, thrower.Node.Id, thrower.Key, $"{selected.Count} handler(s)");
        if (selected.Count == 0)
        {
            CompleteElement(instance, thrower);
            return;
        }

        thrower.State = ElementState.Active;
        thrower.CompensationQueue = selected;
        StartNextCompensationHandler(instance, thrower);
    }

    private void StartNextCompensationHandler(ProcessInstance instance, ElementInstance thrower)
    {
        var entry = thrower.CompensationQueue![0];
        thrower.CompensationQueue.RemoveAt(0);
        var handler = entry.Activity.CompensationHandler!;
        var scope = thrower.Parent!;
        if (scope.Node.Kind == NodeKind.EventSubProcess && scope.Parent is { } enclosing)
        {
            scope = enclosing;
        }

        EnqueueActivate(instance, handler, scope, null, addToken: true, compensationThrower: thrower.Key);
    }

    private void CompensationHandlerCompleted(ProcessInstance instance, ElementInstance handler)
    {
        if (instance.FindElement(handler.CompensationThrowerKey) is not { } thrower || !thrower.IsLive)
        {
            return;
        }

        if (thrower.CompensationQueue is { Count: > 0 })
        {
            StartNextCompensationHandler(instance, thrower);
        }
        else
        {
            thrower.CompensationQueue = null;
            EnqueueComplete(instance, thrower);
        }
    }
}
