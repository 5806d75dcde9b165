using Crm.Bpm.Engine.Runtime.Incidents;

namespace Crm.Bpm.Engine.Runtime.Commands;

/// <summary>Opens an incident that belongs to no running instance, on an element of a deployed process (for example a record trigger whose condition failed).</summary>
/// <param name="Type">Why the incident opened.</param>
/// <param name="BpmnProcessId">The deployed process the incident concerns.</param>
/// <param name="ElementId">The element of that process (the trigger's start or catch event).</param>
/// <param name="Message">What went wrong and what to do, for the operator.</param>
public sealed record RaiseIncident(IncidentType Type, string BpmnProcessId, string ElementId, string Message) : EngineCommand;
