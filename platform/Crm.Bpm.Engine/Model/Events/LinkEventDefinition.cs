namespace Crm.Bpm.Engine.Model.Events;

/// <summary>A <c>linkEventDefinition</c>: a go-to between a throw and a catch link with the same name in one scope.</summary>
public sealed record LinkEventDefinition : EventDefinition
{
    public string? Name { get; init; }

    public IReadOnlyList<string> SourceRefs { get; init; } = [];

    public string? TargetRef { get; init; }

    public override string ElementName => "linkEventDefinition";
}
