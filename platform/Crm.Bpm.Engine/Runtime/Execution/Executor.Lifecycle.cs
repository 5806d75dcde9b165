using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Compilation;
using Crm.Bpm.Engine.Runtime.Events;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Messages;

namespace Crm.Bpm.Engine.Runtime.Execution;

internal sealed partial class Executor
{
    /// <summary>Creates an active instance with its root scope and the subscriptions of its top-level event sub-processes; nothing runs yet.</summary>
    private ProcessInstance CreateInstance(ExecutableProcess definition, Dictionary<string, JsonElement>? variables)
    {
        var key = _uow.NewKey();
        var root = new ElementInstance(key, definition.ProcessNode, null, ElementRole.Normal)
        {
            State = ElementState.Active,
            LocalVariables = variables,
        };
        var instance = new ProcessInstance(key, definition, root) { StartTime = _uow.Now };
        _uow.AddInstance(instance);
        _uow.Emit(EngineEventKind.ProcessInstanceStarted, instance, definition.BpmnProcessId, key);
        if (definition.RootScope.EventSubProcessStarts.Length > 0)
        {
            OpenEventSubProcesses(instance, root);
        }

        return instance;
    }

    /// <summary>Starts a new instance at its none start event.</summary>
    public ProcessInstance StartAtNoneStart(ExecutableProcess definition, Dictionary<string, JsonElement>? variables)
    {
        var instance = CreateInstance(definition, variables);
        EnqueueActivate(instance, definition.RootScope.NoneStart!, instance.Root, null, addToken: true);
        return instance;
    }

    /// <summary>Starts a new instance at <paramref name="node"/>, creating the sub-process scopes that enclose it.</summary>
    public ProcessInstance StartAtElement(ExecutableProcess definition, ExecutableNode node, Dictionary<string, JsonElement>? variables)
    {
        var instance = CreateInstance(definition, variables);
        var chain = new List<ExecutableNode>();
        for (var owner = node.FlowScope!.Owner; owner.Kind != NodeKind.Process; owner = owner.FlowScope!.Owner)
        {
            chain.Add(owner);
        }

        var scope = instance.Root;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var element = new ElementInstance(_uow.NewKey(), chain[i], scope, ElementRole.Normal) { State = ElementState.Active };
            instance.Add(element);
            scope.Tokens++;
            _uow.Emit(EngineEventKind.ElementActivated, instance, chain[i].Id, element.Key);
            if (chain[i].Boundaries.Length > 0)
            {
                OpenBoundaries(instance, element);
            }

            OpenEventSubProcesses(instance, element);
            scope = element;
        }

        EnqueueActivate(instance, node, scope, null, addToken: true);
        return instance;
    }

    /// <summary>Starts a new instance at a message, timer or signal start event that has just been triggered.</summary>
    public ProcessInstance StartTriggered(ExecutableProcess definition, ExecutableNode start, Dictionary<string, JsonElement>? payload)
    {
        var instance = CreateInstance(definition, null);
        EnqueueActivate(instance, start, instance.Root, null, addToken: true, triggered: true, payload);
        return instance;
    }

    /// <summary>Starts an instance at a message start event; with a correlation key, marks the key as taken while the instance runs.</summary>
    private ProcessInstance StartByMessage(ExecutableProcess definition, ExecutableNode start, string correlationKey, Dictionary<string, JsonElement>? payload)
    {
        var started = StartTriggered(definition, start, payload);
        if (correlationKey.Length > 0)
        {
            var marker = new EventSubscriptionRecord
            {
                Key = _uow.NewKey(),
                Kind = SubscriptionKind.MessageStartCorrelation,
                Name = definition.BpmnProcessId,
                CorrelationKey = correlationKey,
                ProcessInstanceKey = started.Key,
                ElementInstanceKey = started.Key,
                ElementId = start.Id,
                BpmnProcessId = definition.BpmnProcessId,
                ProcessDefinitionKey = definition.Key,
            };
            _uow.PutSubscription(marker);
            (started.Root.Owned ??= []).Add(new OwnedSubscription(marker.Key, false, start));
        }

        return started;
    }

    /// <summary>The correlation key an instance started by a message holds, with its start event, or null.</summary>
    private (ExecutableNode Start, string Key)? HeldStartKey(ProcessInstance instance)
    {
        if (instance.Root.Owned is not { } owned)
        {
            return null;
        }

        foreach (var entry in owned)
        {
            if (entry.Node.Kind == NodeKind.StartEvent && entry.Node.Event == EventKind.Message && entry.Node.FlowScope!.Owner.Kind == NodeKind.Process
                && _uow.FindSubscription(entry.Key) is { Kind: SubscriptionKind.MessageStartCorrelation, CorrelationKey: { } key })
            {
                return (entry.Node, key);
            }
        }

        return null;
    }

    /// <summary>Camunda 8: once an instance started by a message ends, a buffered message with the same key starts the next one.</summary>
    private void StartHeldBackMessage((ExecutableNode Start, string Key)? held, ProcessInstance ended)
    {
        if (held is not { } release || release.Start.MessageName is not { } name)
        {
            return;
        }

        foreach (var message in _uow.FindBufferedMessages(name, release.Key))
        {
            _uow.DeleteMessage(message.Key);
            if (message.ExpiresAt <= _uow.Now)
            {
                continue;
            }

            var definition = _repository.FindLatest(ended.BpmnProcessId, toStart: true);
            var start = definition?.MessageStarts.FirstOrDefault(s => s.MessageName == name);
            if (definition is not null && start is not null)
            {
                var started = StartByMessage(definition, start, release.Key, new Dictionary<string, JsonElement>(message.Variables, StringComparer.Ordinal));
                _uow.Emit(EngineEventKind.MessageCorrelated, started, start.Id, message.Key, name);
            }

            return;
        }
    }

    private void CompleteProcessInstance(ProcessInstance instance)
    {
        var root = instance.Root;
        var held = HeldStartKey(instance);
        CloseOwned(root);
        TerminateChildren(instance, root, except: null);
        root.State = ElementState.Completed;
        instance.State = ProcessInstanceState.Completed;
        instance.EndTime = _uow.Now;
        _uow.Emit(EngineEventKind.ProcessInstanceCompleted, instance, instance.BpmnProcessId, instance.Key);
        instance.Compact();
        if (instance.ParentInstanceKey != 0)
        {
            CalledProcessCompleted(instance);
        }

        StartHeldBackMessage(held, instance);
    }

    /// <summary>Terminates an instance and everything it waits for.</summary>
    public void TerminateInstance(ProcessInstance instance)
    {
        var held = HeldStartKey(instance);
        TerminateElement(instance, instance.Root);
        instance.State = ProcessInstanceState.Terminated;
        instance.EndTime = _uow.Now;
        _uow.Emit(EngineEventKind.ProcessInstanceTerminated, instance, instance.BpmnProcessId, instance.Key);
        instance.Compact();
        StartHeldBackMessage(held, instance);
    }

    /// <summary>Terminates the children of <paramref name="scope"/> (but not <paramref name="except"/>); returns how many direct children ended.</summary>
    private int TerminateChildren(ProcessInstance instance, ElementInstance scope, ElementInstance? except)
    {
        var list = instance.MutableElements;
        var count = 0;
        for (var i = list.Count - 1; i >= 0; i--)
        {
            // Children come after their parent in the list, so removing a subtree only shifts entries after i.
            if (i < list.Count && ReferenceEquals(list[i].Parent, scope) && !ReferenceEquals(list[i], except))
            {
                TerminateElement(instance, list[i]);
                count++;
            }
        }

        return count;
    }

    /// <summary>Terminates an element instance with its children, subscriptions, job, user task, called instance and incident.</summary>
    private void TerminateElement(ProcessInstance instance, ElementInstance element)
    {
        TerminateChildren(instance, element, except: null);
        CloseOwned(element);
        if (element.WaitKey != 0)
        {
            switch (element.Node.Kind)
            {
                case NodeKind.UserTask:
                    _uow.DeleteUserTask(element.WaitKey);
                    break;
                case NodeKind.CallActivity:
                    if (_uow.GetInstance(element.WaitKey) is { State: ProcessInstanceState.Active } child)
                    {
                        TerminateInstance(child);
                    }

                    break;
                default:
                    _uow.DeleteJob(element.WaitKey);
                    break;
            }

            element.WaitKey = 0;
        }

        if (element.IncidentKey != 0)
        {
            _uow.DeleteIncident(element.IncidentKey);
            element.IncidentKey = 0;
        }

        if (ReferenceEquals(element, instance.Root))
        {
            element.State = ElementState.Terminated;
            return;
        }

        if (element.Role == ElementRole.Inner && element.Parent is { } body)
        {
            body.Tokens--;
        }

        RemoveElement(instance, element, ElementState.Terminated);
    }
}
