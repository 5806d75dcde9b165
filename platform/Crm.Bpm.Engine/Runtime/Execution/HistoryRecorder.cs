using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Events;
using Crm.Bpm.Engine.Runtime.History;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Variables;

namespace Crm.Bpm.Engine.Runtime.Execution;

/// <summary>Turns what a command does into history events for its commit, at the configured history level.</summary>
internal static class HistoryRecorder
{
    /// <summary>The history kind an engine event is recorded as at the level, if any.</summary>
    public static bool TryMap(EngineEventKind kind, HistoryLevel level, out HistoryEventKind historyKind)
    {
        switch (kind)
        {
            case EngineEventKind.ProcessInstanceStarted:
                historyKind = HistoryEventKind.InstanceStarted;
                return true;
            case EngineEventKind.ProcessInstanceCompleted:
                historyKind = HistoryEventKind.InstanceCompleted;
                return true;
            case EngineEventKind.ProcessInstanceTerminated:
                historyKind = HistoryEventKind.InstanceTerminated;
                return true;
            case EngineEventKind.ElementActivated:
                historyKind = HistoryEventKind.ElementActivated;
                return true;
            case EngineEventKind.ElementCompleted:
                historyKind = HistoryEventKind.ElementCompleted;
                return true;
            case EngineEventKind.ElementTerminated:
                historyKind = HistoryEventKind.ElementTerminated;
                return true;
            case EngineEventKind.UserTaskCreated:
                historyKind = HistoryEventKind.UserTaskCreated;
                return true;
            case EngineEventKind.UserTaskCompleted:
                historyKind = HistoryEventKind.UserTaskCompleted;
                return true;
            case EngineEventKind.IncidentCreated:
                historyKind = HistoryEventKind.IncidentCreated;
                return true;
            case EngineEventKind.IncidentResolved:
                historyKind = HistoryEventKind.IncidentResolved;
                return true;
            case EngineEventKind.JobCreated when level == HistoryLevel.Full:
                historyKind = HistoryEventKind.JobCreated;
                return true;
            case EngineEventKind.JobCompleted when level == HistoryLevel.Full:
                historyKind = HistoryEventKind.JobCompleted;
                return true;
            case EngineEventKind.JobFailed or EngineEventKind.JobErrorThrown when level == HistoryLevel.Full:
                historyKind = HistoryEventKind.JobFailed;
                return true;
            default:
                historyKind = default;
                return false;
        }
    }

    /// <summary>Adds the history event of one recorded step to the command's changes.</summary>
    public static void Record(UnitOfWork uow, in PendingHistory step)
    {
        var historyKind = step.Kind;
        var instance = step.Instance;
        var elementId = step.ElementId;
        var key = step.Key;
        var isInstance = historyKind is HistoryEventKind.InstanceStarted or HistoryEventKind.InstanceCompleted or HistoryEventKind.InstanceTerminated;
        var isElement = historyKind is HistoryEventKind.ElementActivated or HistoryEventKind.ElementCompleted or HistoryEventKind.ElementTerminated;
        var node = elementId is null || isInstance ? null : instance.Definition.FindNode(elementId);
        uow.AddHistory(new HistoryEvent
        {
            Key = uow.NewKey(),
            Time = uow.Now,
            Kind = historyKind,
            ProcessInstanceKey = instance.Key,
            ProcessDefinitionKey = instance.Definition.Key,
            BpmnProcessId = instance.BpmnProcessId,
            ElementId = elementId,
            ElementInstanceKey = isInstance || isElement ? key : step.ElementKey,
            ElementType = isInstance ? "Process" : node?.Kind.ToString(),
            TaskKey = historyKind is HistoryEventKind.UserTaskCreated or HistoryEventKind.UserTaskCompleted ? key : 0,
            IncidentKey = historyKind is HistoryEventKind.IncidentCreated or HistoryEventKind.IncidentResolved ? key : 0,
            JobKey = historyKind is HistoryEventKind.JobCreated or HistoryEventKind.JobCompleted or HistoryEventKind.JobFailed ? key : 0,
            Detail = step.Detail,
        });
    }

    /// <summary>Full history: the variables an instance has at commit that it did not have, or had with another value, when the command loaded it.</summary>
    /// <remarks>One event per variable and command with the committed value; values set and overwritten within one command are not each recorded.</remarks>
    public static void RecordVariables(UnitOfWork uow, ProcessInstance instance, ProcessInstance? original)
    {
        RecordScope(uow, instance, instance.Root, original?.Root);
        foreach (var element in instance.Elements)
        {
            if (!ReferenceEquals(element, instance.Root))
            {
                RecordScope(uow, instance, element, original?.FindElement(element.Key));
            }
        }
    }

    private static void RecordScope(UnitOfWork uow, ProcessInstance instance, ElementInstance scope, ElementInstance? before)
    {
        if (scope.LocalVariables is not { Count: > 0 } variables)
        {
            return;
        }

        foreach (var (name, value) in variables)
        {
            HistoryEventKind kind;
            if (before?.LocalVariables is { } old && old.TryGetValue(name, out var oldValue))
            {
                if (SameValue(oldValue, value))
                {
                    continue;
                }

                kind = HistoryEventKind.VariableUpdated;
            }
            else
            {
                kind = HistoryEventKind.VariableCreated;
            }

            uow.AddHistory(new HistoryEvent
            {
                Key = uow.NewKey(),
                Time = uow.Now,
                Kind = kind,
                ProcessInstanceKey = instance.Key,
                ProcessDefinitionKey = instance.Definition.Key,
                BpmnProcessId = instance.BpmnProcessId,
                ElementId = scope.ElementId,
                ElementInstanceKey = scope.Key,
                ScopeKey = scope.Key,
                VariableName = name,
                Value = JsonValues.ToJson(value),
            });
        }
    }

    private static bool SameValue(JsonElement left, JsonElement right) =>
        left.ValueKind == right.ValueKind && (left.ValueKind is JsonValueKind.Undefined || JsonValues.ToJson(left) == JsonValues.ToJson(right));
}
