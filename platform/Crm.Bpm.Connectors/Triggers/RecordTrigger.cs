using Crm.Bpm.Entities.Records;
using Crm.Bpm.Feel;

namespace Crm.Bpm.Connectors.Triggers;

/// <summary>One <c>crm:recordTrigger</c> of a deployed process: which record changes it reacts to, and the start or message correlation it runs.</summary>
/// <remarks>
/// <para><c>Id</c>: <c>processId/elementId</c>, the same for every version, so a redeployment never delivers an event to the same trigger twice.</para>
/// <para><c>MessageName</c>: for a catch event, the message it correlates; null for a start event (the instance is started at <c>ElementId</c>).</para>
/// <para><c>Problem</c>: why the trigger cannot run (a condition or correlation key that is not FEEL, a catch event without a message); a matching record change raises an incident with it.</para>
/// </remarks>
public sealed record RecordTrigger(
    string Id,
    string BpmnProcessId,
    int Version,
    string ElementId,
    bool IsNoneStart,
    string? MessageName,
    string Entity,
    RecordChangeKind On,
    IReadOnlySet<string> Fields,
    FeelExpression? Condition,
    FeelExpression? CorrelationKey,
    string? Problem)
{
    /// <summary>Whether the trigger starts an instance (on a start event) rather than correlating a message.</summary>
    public bool StartsInstance => MessageName is null;
}
