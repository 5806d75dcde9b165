using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Compilation;
using Crm.Bpm.Engine.Runtime.Events;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Messages;
using Crm.Bpm.Engine.Runtime.Timers;
using Crm.Bpm.Engine.Runtime.Variables;

namespace Crm.Bpm.Engine.Runtime.Execution;

internal sealed partial class Executor
{
    private bool OpenBoundaries(ProcessInstance instance, ElementInstance element)
    {
        foreach (var boundary in element.Node.Boundaries)
        {
            if (!OpenSubscription(instance, element, boundary, element))
            {
                return false;
            }
        }

        return true;
    }

    private bool OpenEventSubProcesses(ProcessInstance instance, ElementInstance scope)
    {
        foreach (var start in scope.Node.InnerScope!.EventSubProcessStarts)
        {
            if (!OpenSubscription(instance, scope, start, scope))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Opens the timer or message/signal subscription of <paramref name="eventNode"/>, owned by <paramref name="owner"/>; other event kinds need none.</summary>
    private bool OpenSubscription(ProcessInstance instance, ElementInstance owner, ExecutableNode eventNode, ElementInstance lookupStart)
    {
        switch (eventNode.Event)
        {
            case EventKind.Timer:
                return OpenTimer(instance, owner, eventNode, lookupStart);
            case EventKind.Signal:
                var signal = new EventSubscriptionRecord
                {
                    Key = _uow.NewKey(),
                    Kind = SubscriptionKind.Signal,
                    Name = eventNode.SignalName!,
                    ProcessInstanceKey = instance.Key,
                    ElementInstanceKey = owner.Key,
                    ElementId = eventNode.Id,
                    BpmnProcessId = instance.BpmnProcessId,
                    ProcessDefinitionKey = instance.Definition.Key,
                    Interrupting = eventNode.Interrupting,
                };
                _uow.PutSubscription(signal);
                (owner.Owned ??= []).Add(new OwnedSubscription(signal.Key, false, eventNode));
                return true;
            case EventKind.Message:
                return OpenMessageSubscription(instance, owner, eventNode, lookupStart);
            default:
                return true;
        }
    }

    private bool OpenMessageSubscription(ProcessInstance instance, ElementInstance owner, ExecutableNode eventNode, ElementInstance lookupStart)
    {
        var name = eventNode.MessageName;
        string? error;
        if (name is null && (eventNode.MessageNameSource is null || !TryEvaluateText(eventNode.MessageNameSource, lookupStart, "message name", out name, out error) || string.IsNullOrEmpty(name)))
        {
            RaiseIncident(instance, owner, IncidentType.ExtractValueError, $"The message name of '{eventNode.Id}' could not be evaluated to a string.");
            return false;
        }

        var correlationKey = "";
        if (eventNode.CorrelationKey is { } keySource)
        {
            var result = keySource.Evaluate(_lookup.Reset(lookupStart));
            if (!result.Succeeded || result.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                error = result.Succeeded
                    ? $"The correlation key {keySource} of '{eventNode.Id}' must be a string or a number, not {Describe(result)}."
                    : $"The correlation key {keySource} of '{eventNode.Id}' failed: {result.Error}";
                RaiseIncident(instance, owner, IncidentType.ExtractValueError, error);
                return false;
            }

            correlationKey = JsonValues.AsText(result.Value)!;
        }

        var subscription = new EventSubscriptionRecord
        {
            Key = _uow.NewKey(),
            Kind = SubscriptionKind.Message,
            Name = name!,
            CorrelationKey = correlationKey,
            ProcessInstanceKey = instance.Key,
            ElementInstanceKey = owner.Key,
            ElementId = eventNode.Id,
            BpmnProcessId = instance.BpmnProcessId,
            ProcessDefinitionKey = instance.Definition.Key,
            Interrupting = eventNode.Interrupting,
        };
        _uow.PutSubscription(subscription);
        (owner.Owned ??= []).Add(new OwnedSubscription(subscription.Key, false, eventNode));
        _uow.Emit(EngineEventKind.MessageSubscriptionOpened, instance, eventNode.Id, subscription.Key, $"{name} / {correlationKey}");

        // A message published before the subscription opened waits in the buffer for its time to live.
        foreach (var message in _uow.FindBufferedMessages(subscription.Name, correlationKey))
        {
            _uow.DeleteMessage(message.Key);
            if (message.ExpiresAt <= _uow.Now)
            {
                continue;
            }

            _uow.Emit(EngineEventKind.MessageCorrelated, instance, eventNode.Id, message.Key, name);
            EnqueueTrigger(instance, owner, eventNode, new Dictionary<string, JsonElement>(message.Variables, StringComparer.Ordinal));
            break;
        }

        return true;
    }

    private bool OpenTimer(ProcessInstance instance, ElementInstance owner, ExecutableNode eventNode, ElementInstance lookupStart)
    {
        if (!TryScheduleTimer(eventNode.Timer!, lookupStart, out var due, out var repetitions, out var interval, out var cron, out var error))
        {
            RaiseIncident(instance, owner, IncidentType.ExtractValueError, $"The timer of '{eventNode.Id}' cannot be scheduled: {error}");
            return false;
        }

        if (repetitions == 0)
        {
            return true;
        }

        var timer = new TimerRecord
        {
            Key = _uow.NewKey(),
            ProcessInstanceKey = instance.Key,
            ElementInstanceKey = owner.Key,
            ElementId = eventNode.Id,
            BpmnProcessId = instance.BpmnProcessId,
            ProcessDefinitionKey = instance.Definition.Key,
            DueDate = due,
            Repetitions = repetitions,
            Interval = interval,
            Cron = cron,
        };
        _uow.PutTimer(timer);
        (owner.Owned ??= []).Add(new OwnedSubscription(timer.Key, true, eventNode));
        _uow.Emit(EngineEventKind.TimerCreated, instance, eventNode.Id, timer.Key, due.ToString("O"));
        return true;
    }

    /// <summary>Works out when a timer is first due, how often it fires and its interval, from a date, a duration or a cycle.</summary>
    internal bool TryScheduleTimer(TimerSpec spec, ElementInstance? lookupStart, out DateTimeOffset due, out int repetitions, out string? interval, out string? cron, out string? error)
    {
        due = default;
        repetitions = 1;
        interval = null;
        cron = null;
        var result = spec.Value.Evaluate(lookupStart is null ? EmptyLookup.Instance : _lookup.Reset(lookupStart));
        if (!result.Succeeded)
        {
            error = $"{spec.Value} failed: {result.Error}";
            return false;
        }

        var text = JsonValues.AsText(result.Value);
        if (text is null)
        {
            error = $"{spec.Value} gave {Describe(result)}, not a {(spec.Kind == TimerKind.Date ? "date-time" : spec.Kind == TimerKind.Duration ? "duration" : "cycle")}.";
            return false;
        }

        switch (spec.Kind)
        {
            case TimerKind.Date:
                if (!TimerDates.TryParseDateTime(text, out due))
                {
                    error = $"{spec.Value} gave '{text}', which is not an ISO 8601 date-time.";
                    return false;
                }

                break;
            case TimerKind.Duration:
                if (!IsoDuration.TryParse(text, out var duration))
                {
                    error = $"{spec.Value} gave '{text}', which is not an ISO 8601 duration such as PT1H.";
                    return false;
                }

                due = duration.AddTo(_uow.Now);
                break;
            default:
                if (CronCycle.LooksLikeCron(text))
                {
                    if (!CronCycle.TryParse(text, out var expression, out cron, out error))
                    {
                        error = $"{spec.Value} gave '{text}', which is {error}";
                        return false;
                    }

                    if (CronCycle.Next(expression!, _uow.Now) is not { } first)
                    {
                        error = $"{spec.Value} gave the cron expression '{text}', which never fires after {_uow.Now:O}.";
                        return false;
                    }

                    repetitions = -1;
                    due = first;
                    break;
                }

                if (!TimerCycle.TryParse(text, out var cycle))
                {
                    error = $"{spec.Value} gave '{text}', which is neither an ISO 8601 repeating interval such as R3/PT1H nor a cron expression such as '0 0 9 * * MON-FRI'.";
                    return false;
                }

                repetitions = cycle.Repetitions;
                interval = text![(text!.LastIndexOf('/') + 1)..];
                due = cycle.Start ?? cycle.Interval.AddTo(_uow.Now);
                break;
        }

        error = null;
        return true;
    }

    private void CloseOwned(ElementInstance element)
    {
        if (element.Owned is not { } owned)
        {
            return;
        }

        foreach (var subscription in owned)
        {
            if (subscription.IsTimer)
            {
                _uow.DeleteTimer(subscription.Key);
            }
            else
            {
                _uow.DeleteSubscription(subscription.Key);
            }
        }

        element.Owned = null;
    }

    private void CloseEventSubProcessSubscriptions(ElementInstance scope)
    {
        if (scope.Owned is not { } owned)
        {
            return;
        }

        for (var i = owned.Count - 1; i >= 0; i--)
        {
            if (owned[i].Node.Kind == NodeKind.StartEvent)
            {
                if (owned[i].IsTimer)
                {
                    _uow.DeleteTimer(owned[i].Key);
                }
                else
                {
                    _uow.DeleteSubscription(owned[i].Key);
                }

                owned.RemoveAt(i);
            }
        }
    }

    private static void ForgetOwned(ElementInstance owner, long key)
    {
        if (owner.Owned is not { } owned)
        {
            return;
        }

        for (var i = 0; i < owned.Count; i++)
        {
            if (owned[i].Key == key)
            {
                owned.RemoveAt(i);
                return;
            }
        }
    }

    /// <summary>An awaited event happened (message, signal, timer, error or escalation caught): the catch event, boundary event, event sub-process or event-based gateway reacts.</summary>
    private void TriggerEvent(ProcessInstance instance, ElementInstance owner, ExecutableNode node, Dictionary<string, JsonElement>? payload)
    {
        if (node.Kind == NodeKind.BoundaryEvent)
        {
            var scope = owner.Parent!;
            if (node.Interrupting)
            {
                TerminateElement(instance, owner);
                EnqueueActivate(instance, node, scope, null, addToken: false, triggered: true, payload);
            }
            else
            {
                EnqueueActivate(instance, node, scope, null, addToken: true, triggered: true, payload);
            }

            return;
        }

        if (node.Kind == NodeKind.StartEvent && node.FlowScope!.Owner.Kind == NodeKind.EventSubProcess)
        {
            TriggerEventSubProcess(instance, owner, node, payload);
            return;
        }

        if (owner.Node.Kind == NodeKind.EventBasedGateway)
        {
            // BPMN 2.0.2 §13.3.5: the first event to occur wins; the gateway's other subscriptions close.
            var scope = owner.Parent!;
            CloseOwned(owner);
            RemoveElement(instance, owner, ElementState.Completed);
            var flow = Array.Find(owner.Node.Outgoing, f => ReferenceEquals(f.Target, node));
            EnqueueActivate(instance, node, scope, flow, addToken: false, triggered: true, payload);
            return;
        }

        if (ReferenceEquals(owner.Node, node) && owner.State == ElementState.Active)
        {
            ApplyCompletionVariables(owner, payload);
            CompleteElement(instance, owner);
        }
    }

    private void TriggerEventSubProcess(ProcessInstance instance, ElementInstance scope, ExecutableNode start, Dictionary<string, JsonElement>? payload)
    {
        if (scope.Interrupted || !scope.IsLive)
        {
            return;
        }

        var eventSubProcess = start.FlowScope!.Owner;
        if (start.Interrupting)
        {
            // BPMN 2.0.2 §10.3.5: an interrupting event sub-process cancels everything else running in its scope.
            scope.Interrupted = true;
            CloseEventSubProcessSubscriptions(scope);
            TerminateChildren(instance, scope, except: null);
            scope.JoinCounts = null;
            scope.Epoch++;
            scope.Tokens = 0;
        }

        EnqueueActivate(instance, eventSubProcess, scope, null, addToken: true, triggered: true, payload);
    }

    /// <summary>Fires one due timer: triggers its event and schedules the next repetition of a cycle that does not interrupt.</summary>
    private void FireTimer(TimerRecord timer)
    {
        _uow.DeleteTimer(timer.Key);
        TimerRecord? next = null;
        if (timer.Cron is not null)
        {
            // A cron cycle repeats until the expression has no further occurrence; like an interval cycle it counts
            // from the previous due date, so a clock that jumps ahead fires every missed occurrence.
            if (CronCycle.Next(timer.Cron, timer.DueDate) is { } nextDue)
            {
                next = timer with { Key = _uow.NewKey(), DueDate = nextDue, LockOwner = null, LockedUntil = null };
            }
        }
        else if (timer.Interval is not null && (timer.Repetitions < 0 || timer.Repetitions > 1) && IsoDuration.TryParse(timer.Interval, out var interval))
        {
            // The next repetition counts from the previous due date, so a clock that jumps ahead fires every repetition.
            next = timer with
            {
                Key = _uow.NewKey(),
                DueDate = interval.AddTo(timer.DueDate),
                Repetitions = timer.Repetitions < 0 ? -1 : timer.Repetitions - 1,
                LockOwner = null,
                LockedUntil = null,
            };
        }

        if (timer.ProcessInstanceKey == 0)
        {
            var definition = _repository.Find(timer.ProcessDefinitionKey);
            var startNode = definition?.FindNode(timer.ElementId);
            if (definition is null || startNode is null)
            {
                return;
            }

            _uow.Emit(EngineEventKind.TimerFired, null, timer.ElementId, timer.Key, timer.BpmnProcessId);
            if (next is not null)
            {
                _uow.PutTimer(next);
            }

            StartTriggered(definition, startNode, null);
            return;
        }

        var instance = _uow.GetInstance(timer.ProcessInstanceKey);
        if (instance is null || instance.State != ProcessInstanceState.Active)
        {
            return;
        }

        var owner = instance.FindElement(timer.ElementInstanceKey);
        var node = instance.Definition.FindNode(timer.ElementId);
        if (owner is null || node is null)
        {
            return;
        }

        _uow.Emit(EngineEventKind.TimerFired, instance, timer.ElementId, timer.Key);
        ForgetOwned(owner, timer.Key);
        var interrupting = node.Kind is NodeKind.BoundaryEvent or NodeKind.StartEvent ? node.Interrupting : true;
        if (next is not null && !interrupting)
        {
            _uow.PutTimer(next);
            (owner.Owned ??= []).Add(new OwnedSubscription(next.Key, true, node));
        }

        TriggerEvent(instance, owner, node, null);
    }

    private sealed class EmptyLookup : Expressions.IVariableLookup
    {
        public static readonly EmptyLookup Instance = new();

        public bool TryGetVariable(string name, out JsonElement value)
        {
            value = default;
            return false;
        }

        public IEnumerable<KeyValuePair<string, JsonElement>> VisibleVariables() => [];
    }
}
