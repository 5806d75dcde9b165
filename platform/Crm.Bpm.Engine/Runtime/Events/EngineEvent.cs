namespace Crm.Bpm.Engine.Runtime.Events;

/// <summary>One thing a command did, in the order it happened (the record a history or a process test reads).</summary>
/// <param name="Kind">What happened.</param>
/// <param name="ProcessInstanceKey">The instance it happened in, or 0.</param>
/// <param name="BpmnProcessId">The process id of that instance.</param>
/// <param name="ElementId">The element it happened to, or null.</param>
/// <param name="Key">The key of the element instance, job, user task, timer, subscription or incident.</param>
/// <param name="Time">The engine clock when it happened.</param>
/// <param name="Detail">Extra text: the job type, message name, error code, incident message...</param>
public sealed record EngineEvent(
    EngineEventKind Kind,
    long ProcessInstanceKey,
    string? BpmnProcessId,
    string? ElementId,
    long Key,
    DateTimeOffset Time,
    string? Detail = null)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Kind} {BpmnProcessId}#{ProcessInstanceKey} {ElementId}{(Detail is null ? "" : " (" + Detail + ")")}";
}
