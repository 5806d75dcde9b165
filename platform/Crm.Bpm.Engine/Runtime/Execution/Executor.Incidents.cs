using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Events;
using Crm.Bpm.Engine.Runtime.Incidents;

namespace Crm.Bpm.Engine.Runtime.Execution;

internal sealed partial class Executor
{
    /// <summary>Opens an incident outside any instance (process instance key 0), on an element of the latest version of a deployed process.</summary>
    public CommandError? RaiseIncident(RaiseIncident command)
    {
        if (string.IsNullOrWhiteSpace(command.Message) || string.IsNullOrWhiteSpace(command.ElementId))
        {
            return Invalid("An incident needs an element id and a message saying what went wrong.");
        }

        var definition = _repository.FindLatest(command.BpmnProcessId);
        if (definition is null)
        {
            return NotFound($"No process with id '{command.BpmnProcessId}' is deployed; an incident can only be raised on a deployed process.");
        }

        if (definition.FindNode(command.ElementId) is null)
        {
            return NotFound($"Process '{command.BpmnProcessId}' has no element '{command.ElementId}'.");
        }

        var incident = new IncidentRecord
        {
            Key = _uow.NewKey(),
            Type = command.Type,
            Message = command.Message,
            ProcessInstanceKey = 0,
            ElementInstanceKey = 0,
            ElementId = command.ElementId,
            BpmnProcessId = command.BpmnProcessId,
            CreatedAt = _uow.Now,
        };
        _uow.PutIncident(incident);
        _uow.Emit(EngineEventKind.IncidentCreated, null, command.ElementId, incident.Key, $"{command.Type}: {command.Message}");
        return null;
    }
}
