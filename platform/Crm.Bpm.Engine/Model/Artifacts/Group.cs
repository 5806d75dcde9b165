namespace Crm.Bpm.Engine.Model.Artifacts;

/// <summary>A <c>group</c>: a visual grouping bound to a category value.</summary>
public sealed record Group : Artifact
{
    public string? CategoryValueRef { get; init; }

    public override string ElementName => "group";
}
