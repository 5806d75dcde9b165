using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Compilation;
using Crm.Bpm.Engine.Runtime.Events;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Jobs;
using Crm.Bpm.Engine.Runtime.Timers;
using Crm.Bpm.Engine.Runtime.UserTasks;
using Crm.Bpm.Engine.Runtime.Variables;

namespace Crm.Bpm.Engine.Runtime.Execution;

internal sealed partial class Executor
{
    private void CreateJob(ProcessInstance instance, ElementInstance element)
    {
        var node = element.Node;
        if (!TryEvaluateText(node.JobType!, element, "job type", out var type, out var error) || string.IsNullOrEmpty(type))
        {
            RaiseIncident(instance, element, IncidentType.ExtractValueError, error ?? $"The job type {node.JobType} of '{node.Id}' evaluated to nothing; it must be a non-empty string.");
            return;
        }

        var retries = 3;
        if (node.JobRetries is { } retriesSource)
        {
            var result = retriesSource.Evaluate(_lookup.Reset(element));
            if (!result.Succeeded || !JsonValues.TryGetInt64(result.Value, out var parsed) || parsed < 0 || parsed > int.MaxValue)
            {
                RaiseIncident(instance, element, IncidentType.ExtractValueError, $"The job retries {retriesSource} of '{node.Id}' must be a non-negative whole number{(result.Succeeded ? $", not {Describe(result)}" : ": " + result.Error)}.");
                return;
            }

            retries = (int)parsed;
        }

        var job = new JobRecord
        {
            Key = _uow.NewKey(),
            Type = type,
            ProcessInstanceKey = instance.Key,
            ElementInstanceKey = element.Key,
            ElementId = node.Id,
            BpmnProcessId = instance.BpmnProcessId,
            ProcessDefinitionKey = instance.Definition.Key,
            Retries = retries,
            CustomHeaders = node.Headers,
            Variables = VisibleVariables(element),
            CreatedAt = _uow.Now,
        };
        _uow.PutJob(job);
        element.WaitKey = job.Key;
        element.State = ElementState.Active;
        _uow.Emit(EngineEventKind.JobCreated, instance, node.Id, job.Key, type, element.Key);
    }

    private void CreateUserTask(ProcessInstance instance, ElementInstance element)
    {
        var spec = element.Node.UserTask ?? new UserTaskSpec();
        string? assignee = null;
        IReadOnlyList<string> users = [];
        IReadOnlyList<string> groups = [];
        DateTimeOffset? due = null;
        DateTimeOffset? followUp = null;
        var priority = 50;
        string? error = null;
        // Camunda 8: an attribute expression that fails (null with a warning, e.g. an unknown variable) is an incident.
        var ok = (spec.Assignee is null || (TryEvaluateText(spec.Assignee, element, "assignee", out assignee, out error) && error is null))
            && (spec.CandidateUsers is null || TryEvaluateList(spec.CandidateUsers, element, "candidate users", out users, out error))
            && (spec.CandidateGroups is null || TryEvaluateList(spec.CandidateGroups, element, "candidate groups", out groups, out error))
            && (spec.DueDate is null || TryEvaluateDate(spec.DueDate, element, "due date", out due, out error))
            && (spec.FollowUpDate is null || TryEvaluateDate(spec.FollowUpDate, element, "follow-up date", out followUp, out error))
            && (spec.Priority is null || TryEvaluatePriority(spec.Priority, element, out priority, out error));
        if (!ok)
        {
            RaiseIncident(instance, element, IncidentType.ExtractValueError, error!);
            return;
        }

        var task = new UserTaskRecord
        {
            Key = _uow.NewKey(),
            ProcessInstanceKey = instance.Key,
            ElementInstanceKey = element.Key,
            ElementId = element.Node.Id,
            BpmnProcessId = instance.BpmnProcessId,
            ProcessDefinitionKey = instance.Definition.Key,
            Name = element.Node.Name,
            Assignee = string.IsNullOrEmpty(assignee) ? null : assignee,
            CandidateUsers = users,
            CandidateGroups = groups,
            DueDate = due,
            FollowUpDate = followUp,
            Priority = priority,
            FormKey = spec.FormKey,
            Variables = VisibleVariables(element),
            CreatedAt = _uow.Now,
        };
        _uow.PutUserTask(task);
        element.WaitKey = task.Key;
        element.State = ElementState.Active;
        _uow.Emit(EngineEventKind.UserTaskCreated, instance, element.Node.Id, task.Key, task.Assignee, element.Key);
    }

    private void RunScript(ProcessInstance instance, ElementInstance element)
    {
        var node = element.Node;
        var result = node.Script!.Evaluate(_lookup.Reset(element));
        if (!result.Succeeded)
        {
            RaiseIncident(instance, element, IncidentType.ExtractValueError, $"The script {node.Script} of '{node.Id}' failed: {result.Error}");
            return;
        }

        if (node.ResultVariable is { Length: > 0 } name)
        {
            ApplyCompletionVariables(element, new Dictionary<string, JsonElement>(1, StringComparer.Ordinal) { [name] = result.Value });
        }

        CompleteElement(instance, element);
    }

    private void EvaluateDecision(ProcessInstance instance, ElementInstance element)
    {
        var node = element.Node;
        if (!TryEvaluateText(node.DecisionId!, element, "decision id", out var decisionId, out var error) || string.IsNullOrEmpty(decisionId))
        {
            RaiseIncident(instance, element, IncidentType.ExtractValueError, error ?? $"The decision id {node.DecisionId} of '{node.Id}' evaluated to nothing.");
            return;
        }

        if (Decisions is not { } evaluator)
        {
            RaiseIncident(instance, element, IncidentType.DecisionEvaluationError, $"Business rule task '{node.Id}' calls decision '{decisionId}', but the engine has no decision evaluator; deploy the DMN file with the engine.");
            return;
        }

        var result = evaluator.Evaluate(decisionId, _lookup.Reset(element));
        if (!result.Succeeded)
        {
            RaiseIncident(instance, element, IncidentType.DecisionEvaluationError, $"Decision '{decisionId}' of '{node.Id}' failed: {result.Error}");
            return;
        }

        _uow.Emit(EngineEventKind.DecisionEvaluated, instance, node.Id, element.Key, decisionId);
        ApplyCompletionVariables(element, new Dictionary<string, JsonElement>(1, StringComparer.Ordinal) { [node.ResultVariable!] = result.Value });
        CompleteElement(instance, element);
    }

    private void StartCalledProcess(ProcessInstance instance, ElementInstance element)
    {
        var node = element.Node;
        if (!TryEvaluateText(node.CalledProcessId!, element, "called process id", out var processId, out var error) || string.IsNullOrEmpty(processId))
        {
            RaiseIncident(instance, element, IncidentType.ExtractValueError, error ?? $"The called process id {node.CalledProcessId} of '{node.Id}' evaluated to nothing.");
            return;
        }

        var definition = _repository.FindLatest(processId, toStart: true);
        if (definition is null)
        {
            RaiseIncident(instance, element, IncidentType.CalledElementError, $"Expected process with BPMN process id '{processId}' to be deployed, but it is not; deploy it and resolve the incident.");
            return;
        }

        if (definition.RootScope.NoneStart is null)
        {
            RaiseIncident(instance, element, IncidentType.CalledElementError, $"Process '{processId}' has no none start event, so call activity '{node.Id}' cannot start it.");
            return;
        }

        // zeebe:calledElement propagateAllParentVariables (default true): the child gets every visible variable,
        // otherwise only the call activity's input mappings.
        var variables = node.PropagateAllParentVariables
            ? VisibleVariables(element)
            : element.LocalVariables is null ? null : new Dictionary<string, JsonElement>(element.LocalVariables, StringComparer.Ordinal);
        var child = CreateInstance(definition, variables is { Count: > 0 } ? variables : null);
        child.ParentInstanceKey = instance.Key;
        child.ParentElementInstanceKey = element.Key;
        element.WaitKey = child.Key;
        element.State = ElementState.Active;
        EnqueueActivate(child, definition.RootScope.NoneStart, child.Root, null, addToken: true);
    }

    /// <summary>A called instance completed: its variables flow back to the call activity, which completes.</summary>
    private void CalledProcessCompleted(ProcessInstance child)
    {
        var parent = _uow.GetInstance(child.ParentInstanceKey);
        if (parent is null || parent.State != ProcessInstanceState.Active)
        {
            return;
        }

        var element = parent.FindElement(child.ParentElementInstanceKey);
        if (element is null || !element.IsLive)
        {
            return;
        }

        element.WaitKey = 0;
        var node = element.Node;
        if (child.Root.LocalVariables is { Count: > 0 } variables)
        {
            if (node.Outputs.Length > 0)
            {
                foreach (var (name, value) in variables)
                {
                    SetLocal(element, name, value);
                }
            }
            else if (node.PropagateAllChildVariables)
            {
                foreach (var (name, value) in variables)
                {
                    Propagate(element, name, value);
                }
            }
        }

        EnqueueComplete(parent, element);
    }

    private bool TryEvaluateText(ValueSource source, ElementInstance element, string what, out string? text, out string? error)
    {
        var result = source.Evaluate(_lookup.Reset(element));
        if (!result.Succeeded)
        {
            text = null;
            error = $"The {what} {source} of '{element.Node.Id}' failed: {result.Error}";
            return false;
        }

        text = JsonValues.AsText(result.Value);
        error = text is null && result.Warning is not null ? $"The {what} {source} of '{element.Node.Id}' is null: {result.Warning}" : null;
        return true;
    }

    private bool TryEvaluateList(ValueSource source, ElementInstance element, string what, out IReadOnlyList<string> list, out string? error)
    {
        list = [];
        var result = source.Evaluate(_lookup.Reset(element));
        if (!result.Succeeded)
        {
            error = $"The {what} {source} of '{element.Node.Id}' failed: {result.Error}";
            return false;
        }

        error = null;
        switch (result.Value.ValueKind)
        {
            case JsonValueKind.Array:
                var items = new List<string>();
                foreach (var item in result.Value.EnumerateArray())
                {
                    if (JsonValues.AsText(item) is { Length: > 0 } text)
                    {
                        items.Add(text);
                    }
                }

                list = items;
                return true;
            case JsonValueKind.String:
                // A static attribute lists names separated by commas (Camunda 8).
                list = result.Value.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return true;
            case JsonValueKind.Null:
                error = result.Warning is null ? null : $"The {what} {source} of '{element.Node.Id}' is null: {result.Warning}";
                return error is null;
            default:
                error = $"The {what} {source} of '{element.Node.Id}' must be a list of strings, not {Describe(result)}.";
                return false;
        }
    }

    private bool TryEvaluateDate(ValueSource source, ElementInstance element, string what, out DateTimeOffset? date, out string? error)
    {
        date = null;
        if (!TryEvaluateText(source, element, what, out var text, out error))
        {
            return false;
        }

        if (string.IsNullOrEmpty(text))
        {
            return error is null;
        }

        if (!TimerDates.TryParseDateTime(text, out var parsed))
        {
            error = $"The {what} {source} of '{element.Node.Id}' must be an ISO 8601 date-time, not '{text}'.";
            return false;
        }

        date = parsed;
        return true;
    }

    private bool TryEvaluatePriority(ValueSource source, ElementInstance element, out int priority, out string? error)
    {
        priority = 50;
        var result = source.Evaluate(_lookup.Reset(element));
        if (!result.Succeeded || !JsonValues.TryGetInt64(result.Value, out var value) || value < 0 || value > 100)
        {
            error = $"The priority {source} of '{element.Node.Id}' must be a whole number from 0 to 100{(result.Succeeded ? $", not {Describe(result)}" : ": " + result.Error)}.";
            return false;
        }

        priority = (int)value;
        error = null;
        return true;
    }
}
