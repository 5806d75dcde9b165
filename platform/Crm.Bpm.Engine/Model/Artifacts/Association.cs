namespace Crm.Bpm.Engine.Model.Artifacts;

/// <summary>An <c>association</c>: links an annotation or compensation handler to an element.</summary>
public sealed record Association : Artifact
{
    public string? SourceRef { get; init; }

    public string? TargetRef { get; init; }

    public AssociationDirection AssociationDirection { get; init; } = AssociationDirection.None;

    public override string ElementName => "association";
}
