namespace Crm.Bpm.Engine.Model.Collaborations;

/// <summary>A <c>participant</c> (a pool) of a collaboration, usually bound to a process (BPMN 2.0.2 §9.2).</summary>
public sealed record Participant : BaseElement
{
    public string? Name { get; init; }

    /// <summary>The raw <c>processRef</c> id, or null for a black-box pool.</summary>
    public string? ProcessRef { get; init; }

    public override string ElementName => "participant";
}
