namespace Crm.Bpm.Engine.Model.Events;

/// <summary>An <c>escalationEventDefinition</c>: an escalation is thrown or caught.</summary>
public sealed record EscalationEventDefinition : EventDefinition
{
    public string? EscalationRef { get; init; }

    public override string ElementName => "escalationEventDefinition";
}
