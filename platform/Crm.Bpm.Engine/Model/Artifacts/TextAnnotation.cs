namespace Crm.Bpm.Engine.Model.Artifacts;

/// <summary>A <c>textAnnotation</c>: a note on the diagram.</summary>
public sealed record TextAnnotation : Artifact
{
    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public override string ElementName => "textAnnotation";
}
