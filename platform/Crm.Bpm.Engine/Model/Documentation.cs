namespace Crm.Bpm.Engine.Model;

/// <summary>A <c>documentation</c> text attached to an element (BPMN 2.0.2 §8.3.1).</summary>
public sealed record Documentation
{
    public string? Id { get; init; }

    /// <summary>The MIME type of the text; null means the spec default <c>text/plain</c>.</summary>
    public string? TextFormat { get; init; }

    public string Text { get; init; } = "";

    public SourcePosition Position { get; init; }

    public IReadOnlyList<ForeignAttribute> ForeignAttributes { get; init; } = [];
}
