namespace Crm.Bpm.Engine.Model.Events;

/// <summary>An <c>escalation</c> that escalation events refer to; <see cref="EscalationCode"/> is what catch events match.</summary>
public sealed record Escalation : RootElement
{
    public string? Name { get; init; }

    public string? EscalationCode { get; init; }

    public string? StructureRef { get; init; }

    public override string ElementName => "escalation";
}
