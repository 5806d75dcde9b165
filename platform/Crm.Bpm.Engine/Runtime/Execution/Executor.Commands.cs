using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Compilation;
using Crm.Bpm.Engine.Runtime.Events;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Jobs;
using Crm.Bpm.Engine.Runtime.Messages;

namespace Crm.Bpm.Engine.Runtime.Execution;

internal sealed partial class Executor
{
    /// <summary>The instance a command started or acted on.</summary>
    public ProcessInstance? Primary { get; private set; }

    public int Correlations { get; private set; }

    public bool Buffered { get; private set; }

    public void ResetOutcome()
    {
        Primary = null;
        Correlations = 0;
        Buffered = false;
    }

    public CommandError? Start(StartProcessInstance command, Dictionary<string, JsonElement>? variables)
    {
        var definition = command.Version is { } version
            ? _repository.FindVersion(command.BpmnProcessId, version)
            : _repository.FindLatest(command.BpmnProcessId, toStart: true);
        if (definition is null)
        {
            return NotFound(command.Version is null
                ? $"No process with id '{command.BpmnProcessId}' is deployed; deploy it first."
                : $"Process '{command.BpmnProcessId}' has no version {command.Version}.");
        }

        if (command.StartElementId is { } elementId)
        {
            var node = definition.FindNode(elementId);
            if (node is null || node.Kind is NodeKind.Process or NodeKind.BoundaryEvent || node.FlowScope!.Owner.Kind == NodeKind.EventSubProcess
                || HasLoopingAncestor(node))
            {
                return Invalid($"Process '{definition.BpmnProcessId}' has no element '{elementId}' an instance can start at; name a flow node outside event sub-processes and multi-instance activities.");
            }

            Primary = StartAtElement(definition, node, variables);
        }
        else
        {
            if (definition.RootScope.NoneStart is null)
            {
                return Invalid($"Process '{definition.BpmnProcessId}' has no none start event; start it with a message or signal, or name a start element.");
            }

            Primary = StartAtNoneStart(definition, variables);
        }

        Drain();
        return null;
    }

    private static bool HasLoopingAncestor(ExecutableNode node)
    {
        for (var owner = node.FlowScope!.Owner; owner.Kind != NodeKind.Process; owner = owner.FlowScope!.Owner)
        {
            if (owner.MultiInstance is not null || owner.Loop is not null)
            {
                return true;
            }
        }

        return false;
    }

    public CommandError? CompleteJob(CompleteJob command, Dictionary<string, JsonElement>? variables)
    {
        var error = FindJobElement(command.JobKey, out var job, out var instance, out var element);
        if (error is not null)
        {
            return error;
        }

        _uow.DeleteJob(job!.Key);
        element!.WaitKey = 0;
        _uow.Emit(EngineEventKind.JobCompleted, instance, element.Node.Id, job.Key, job.Type, element.Key);
        ApplyCompletionVariables(element, variables);
        CompleteElement(instance!, element);
        Drain();
        return null;
    }

    public CommandError? FailJob(FailJob command, Dictionary<string, JsonElement>? variables)
    {
        if (command.Retries < 0)
        {
            return new CommandError(CommandErrorCode.InvalidArgument, $"Retries must be 0 or more, not {command.Retries}.");
        }

        if (command.RetryBackoff is { } backoff && backoff < TimeSpan.Zero)
        {
            return new CommandError(CommandErrorCode.InvalidArgument, "The retry back-off must not be negative.");
        }

        var error = FindJobElement(command.JobKey, out var job, out var instance, out var element);
        if (error is not null)
        {
            return error;
        }

        if (variables is { Count: > 0 })
        {
            foreach (var (name, value) in variables)
            {
                SetLocal(element!, name, value);
            }
        }

        _uow.Emit(EngineEventKind.JobFailed, instance, element!.Node.Id, job!.Key, command.ErrorMessage, element.Key);
        if (command.Retries > 0)
        {
            _uow.PutJob(job with
            {
                State = JobState.Activatable,
                Worker = null,
                Deadline = null,
                Retries = command.Retries,
                ErrorMessage = command.ErrorMessage,
                RetryAfter = command.RetryBackoff is { } wait && wait > TimeSpan.Zero ? _uow.Now + wait : null,
            });
        }
        else
        {
            _uow.PutJob(job with { Retries = 0, State = JobState.Failed, Worker = null, Deadline = null, ErrorMessage = command.ErrorMessage });
            RaiseIncident(instance!, element, IncidentType.JobNoRetries, $"Job '{job.Type}' failed with no retries left: {command.ErrorMessage ?? "no message"}. Fix the cause and resolve the incident to retry.", job.Key);
        }

        Drain();
        return null;
    }

    public CommandError? ThrowError(ThrowError command, Dictionary<string, JsonElement>? variables)
    {
        if (string.IsNullOrEmpty(command.ErrorCode))
        {
            return new CommandError(CommandErrorCode.InvalidArgument, "The error code must not be empty.");
        }

        var error = FindJobElement(command.JobKey, out var job, out var instance, out var element);
        if (error is not null)
        {
            return error;
        }

        _uow.Emit(EngineEventKind.JobErrorThrown, instance, element!.Node.Id, job!.Key, command.ErrorCode, element.Key);
        if (ThrowBpmnError(instance!, element, command.ErrorCode, variables))
        {
            _uow.DeleteJob(job.Key);
        }
        else
        {
            _uow.PutJob(job with { State = JobState.ErrorThrown, Worker = null, Deadline = null, ErrorMessage = command.ErrorMessage });
            RaiseIncident(instance!, element, IncidentType.UnhandledErrorEvent, $"Job '{job.Type}' threw error code '{command.ErrorCode}' ({command.ErrorMessage ?? "no message"}), but no boundary event or event sub-process catches it.", job.Key);
        }

        Drain();
        return null;
    }

    private CommandError? FindJobElement(long jobKey, out JobRecord? job, out ProcessInstance? instance, out ElementInstance? element)
    {
        instance = null;
        element = null;
        job = _uow.FindJob(jobKey);
        if (job is null)
        {
            return NotFound($"No job with key {jobKey}; it may have been completed, or its task cancelled.");
        }

        if (job.State is not (JobState.Activatable or JobState.Activated))
        {
            return new CommandError(CommandErrorCode.InvalidState, $"Job {jobKey} ('{job.Type}') has an open incident ({job.State}); resolve the incident first.");
        }

        var error = FindLiveElement(job.ProcessInstanceKey, job.ElementInstanceKey, $"job {jobKey}", out instance, out element);
        return error;
    }

    public CommandError? CompleteUserTask(CompleteUserTask command, Dictionary<string, JsonElement>? variables)
    {
        var task = _uow.FindUserTaskWithInstance(command.UserTaskKey);
        if (task is null)
        {
            return NotFound($"No open user task with key {command.UserTaskKey}; it may have been completed, or its instance ended.");
        }

        var error = FindLiveElement(task.ProcessInstanceKey, task.ElementInstanceKey, $"user task {command.UserTaskKey}", out var instance, out var element);
        if (error is not null)
        {
            return error;
        }

        _uow.DeleteUserTask(task.Key);
        element!.WaitKey = 0;
        _uow.Emit(EngineEventKind.UserTaskCompleted, instance, element.Node.Id, task.Key, null, element.Key);
        ApplyCompletionVariables(element, variables);
        CompleteElement(instance!, element);
        Drain();
        return null;
    }

    private CommandError? FindLiveElement(long instanceKey, long elementKey, string what, out ProcessInstance? instance, out ElementInstance? element)
    {
        element = null;
        instance = _uow.GetInstance(instanceKey);
        if (instance is null)
        {
            return NotFound($"The process instance {instanceKey} of {what} does not exist.");
        }

        if (instance.State != ProcessInstanceState.Active)
        {
            return new CommandError(CommandErrorCode.InvalidState, $"The process instance {instanceKey} of {what} is {instance.State.ToString().ToLowerInvariant()}; nothing in it can change.");
        }

        element = instance.FindElement(elementKey);
        if (element is null || element.State != ElementState.Active)
        {
            return new CommandError(CommandErrorCode.InvalidState, $"The element of {what} is no longer waiting.");
        }

        Primary = instance;
        return null;
    }

    public CommandError? CorrelateMessage(CorrelateMessage command, Dictionary<string, JsonElement>? variables)
    {
        if (string.IsNullOrEmpty(command.Name))
        {
            return new CommandError(CommandErrorCode.InvalidArgument, "The message name must not be empty.");
        }

        if (command.TimeToLive is { } ttl && ttl < TimeSpan.Zero)
        {
            return new CommandError(CommandErrorCode.InvalidArgument, "The time to live must not be negative.");
        }

        var correlationKey = command.CorrelationKey ?? "";
        var processes = new HashSet<string>(StringComparer.Ordinal);

        // Zeebe: a message is correlated at most once per process (the oldest open subscription wins).
        foreach (var subscription in _uow.FindSubscriptions(SubscriptionKind.Message, command.Name, correlationKey))
        {
            if (processes.Contains(subscription.BpmnProcessId)
                || _uow.GetInstance(subscription.ProcessInstanceKey) is not { State: ProcessInstanceState.Active } instance
                || instance.FindElement(subscription.ElementInstanceKey) is not { } owner
                || instance.Definition.FindNode(subscription.ElementId) is not { } node)
            {
                continue;
            }

            processes.Add(subscription.BpmnProcessId);
            _uow.Emit(EngineEventKind.MessageCorrelated, instance, node.Id, subscription.Key, command.Name);
            Primary ??= instance;
            TriggerEvent(instance, owner, node, Copy(variables));
            Correlations++;
            Drain();
        }

        foreach (var subscription in _uow.FindSubscriptions(SubscriptionKind.Message, command.Name, null))
        {
            if (subscription.ProcessInstanceKey != 0 || processes.Contains(subscription.BpmnProcessId)
                || _repository.Find(subscription.ProcessDefinitionKey) is not { } definition
                || definition.FindNode(subscription.ElementId) is not { } start)
            {
                continue;
            }

            // Camunda 8: while an instance started by a message with this correlation key is active, the message
            // starts no second instance of the process.
            if (correlationKey.Length > 0 && _uow.FindSubscriptions(SubscriptionKind.MessageStartCorrelation, subscription.BpmnProcessId, correlationKey).Count > 0)
            {
                continue;
            }

            processes.Add(subscription.BpmnProcessId);
            var started = StartByMessage(definition, start, correlationKey, Copy(variables));

            _uow.Emit(EngineEventKind.MessageCorrelated, started, start.Id, subscription.Key, command.Name);
            Primary ??= started;
            Correlations++;
            Drain();
        }

        if (Correlations == 0 && command.TimeToLive is { } timeToLive && timeToLive > TimeSpan.Zero)
        {
            var message = new BufferedMessage
            {
                Key = _uow.NewKey(),
                Name = command.Name,
                CorrelationKey = correlationKey,
                Variables = variables ?? new Dictionary<string, JsonElement>(0),
                ExpiresAt = _uow.Now + timeToLive,
                MessageId = command.MessageId,
            };
            _uow.PutMessage(message);
            _uow.Emit(EngineEventKind.MessageBuffered, null, null, message.Key, command.Name);
            Buffered = true;
        }

        return null;
    }

    public CommandError? BroadcastSignal(BroadcastSignal command, Dictionary<string, JsonElement>? variables)
    {
        if (string.IsNullOrEmpty(command.Name))
        {
            return new CommandError(CommandErrorCode.InvalidArgument, "The signal name must not be empty.");
        }

        Correlations = BroadcastSignal(command.Name, variables);
        Drain();
        return null;
    }

    public CommandError? FireDueTimers()
    {
        var limit = _options.MaxTimerFiringsPerCommand;
        while (Correlations < limit && _uow.NextDueTimer(_uow.Now) is { } timer)
        {
            FireTimer(timer);
            Correlations++;
            Drain();
        }

        return null;
    }

    public CommandError? FireTimer(Commands.FireTimer command)
    {
        var timer = _uow.FindTimer(command.TimerKey);
        if (timer is null)
        {
            return NotFound($"No timer with key {command.TimerKey}; it may have fired already, or its element ended.");
        }

        if (timer.DueDate > _uow.Now)
        {
            return new CommandError(CommandErrorCode.InvalidState, $"Timer {command.TimerKey} of '{timer.ElementId}' is due at {timer.DueDate:O}, not yet.");
        }

        FireTimer(timer);
        Correlations = 1;
        Drain();
        return null;
    }

    public CommandError? Cancel(CancelProcessInstance command)
    {
        var instance = _uow.GetInstance(command.ProcessInstanceKey);
        if (instance is null)
        {
            return NotFound($"No process instance with key {command.ProcessInstanceKey}.");
        }

        if (instance.State != ProcessInstanceState.Active)
        {
            return new CommandError(CommandErrorCode.InvalidState, $"Process instance {command.ProcessInstanceKey} is already {instance.State.ToString().ToLowerInvariant()}.");
        }

        if (instance.ParentInstanceKey != 0)
        {
            return new CommandError(CommandErrorCode.InvalidState, $"Process instance {command.ProcessInstanceKey} was called by instance {instance.ParentInstanceKey}; cancel that one.");
        }

        Primary = instance;
        TerminateInstance(instance);
        Drain();
        return null;
    }

    public CommandError? ResolveIncident(ResolveIncident command)
    {
        if (command.JobRetries < 1)
        {
            return new CommandError(CommandErrorCode.InvalidArgument, "A resolved job needs at least one retry.");
        }

        var incident = _uow.FindIncident(command.IncidentKey);
        if (incident is null)
        {
            return NotFound($"No open incident with key {command.IncidentKey}; it may have been resolved already.");
        }

        if (incident.ProcessInstanceKey == 0)
        {
            // An incident outside any instance (a record trigger whose condition failed): there is no step to run
            // again; resolving it is the operator saying the cause is dealt with.
            _uow.DeleteIncident(incident.Key);
            _uow.Emit(EngineEventKind.IncidentResolved, null, incident.ElementId, incident.Key);
            return null;
        }

        var instance = _uow.GetInstance(incident.ProcessInstanceKey);
        if (instance is null || instance.State != ProcessInstanceState.Active)
        {
            return new CommandError(CommandErrorCode.InvalidState, $"The instance of incident {command.IncidentKey} is no longer active.");
        }

        var element = instance.FindElement(incident.ElementInstanceKey);
        if (element is null)
        {
            return new CommandError(CommandErrorCode.InvalidState, $"The element of incident {command.IncidentKey} is no longer active.");
        }

        Primary = instance;
        _uow.DeleteIncident(incident.Key);
        element.IncidentKey = 0;
        _uow.Emit(EngineEventKind.IncidentResolved, instance, element.Node.Id, incident.Key, null, element.Key);
        if (incident.JobKey != 0 && _uow.FindJob(incident.JobKey) is { } job)
        {
            // The job goes back to the workers with fresh retries.
            _uow.PutJob(job with { State = JobState.Activatable, Worker = null, Deadline = null, Retries = Math.Max(job.Retries, command.JobRetries), RetryAfter = null });
        }
        else
        {
            Retry(instance, element);
        }

        Drain();
        return null;
    }

    /// <summary>Runs again the step that raised an element's incident.</summary>
    private void Retry(ProcessInstance instance, ElementInstance element)
    {
        switch (element.State)
        {
            case ElementState.Activating:
                CloseOwned(element);
                switch (element.Role)
                {
                    case ElementRole.MultiInstanceBody:
                        ActivateMultiInstanceBody(instance, element);
                        break;
                    case ElementRole.LoopBody:
                        ActivateLoopBody(instance, element);
                        break;
                    default:
                        ActivateElement(instance, element, null);
                        break;
                }

                break;
            case ElementState.Completing:
                CompleteElement(instance, element);
                break;
            case ElementState.Active when element.Role == ElementRole.LoopBody:
                ContinueLoop(instance, element);
                break;
        }
    }

    public CommandError? SetVariables(SetVariables command, Dictionary<string, JsonElement>? variables)
    {
        ProcessInstance? instance = null;
        ElementInstance? scope = null;
        if (_uow.Store.FindInstanceByElement(command.ScopeKey) is { } owner)
        {
            instance = _uow.GetInstance(owner.Key);
            scope = instance is null ? null : instance.Key == command.ScopeKey ? instance.Root : instance.FindElement(command.ScopeKey);
        }

        if (instance is null || scope is null)
        {
            return NotFound($"No process instance or element instance with key {command.ScopeKey}.");
        }

        if (instance.State != ProcessInstanceState.Active)
        {
            return new CommandError(CommandErrorCode.InvalidState, $"Process instance {instance.Key} is {instance.State.ToString().ToLowerInvariant()}; its variables can no longer change.");
        }

        Primary = instance;
        if (variables is not null)
        {
            foreach (var (name, value) in variables)
            {
                if (command.Local)
                {
                    SetLocal(scope, name, value);
                }
                else
                {
                    Propagate(scope, name, value);
                }
            }
        }

        return null;
    }

    private static Dictionary<string, JsonElement>? Copy(Dictionary<string, JsonElement>? variables) =>
        variables is null ? null : new Dictionary<string, JsonElement>(variables, StringComparer.Ordinal);

    private static CommandError NotFound(string message) => new(CommandErrorCode.NotFound, message);

    private static CommandError Invalid(string message) => new(CommandErrorCode.InvalidArgument, message);
}
