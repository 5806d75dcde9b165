namespace Crm.Bpm.Engine.Model.Collaborations;

/// <summary>A <c>messageFlow</c> between two pools or elements in different pools (BPMN 2.0.2 §9.3).</summary>
public sealed record MessageFlow : BaseElement
{
    public string? Name { get; init; }

    public string? SourceRef { get; init; }

    public string? TargetRef { get; init; }

    public string? MessageRef { get; init; }

    public override string ElementName => "messageFlow";
}
