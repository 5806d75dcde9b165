namespace Crm.Bpm.Engine.Model;

/// <summary>An <c>import</c> of another document's definitions (BPMN 2.0.2 §8.3.9).</summary>
public sealed record Import
{
    public string? Namespace { get; init; }

    public string? Location { get; init; }

    public string? ImportType { get; init; }

    public SourcePosition Position { get; init; }

    public IReadOnlyList<ForeignAttribute> ForeignAttributes { get; init; } = [];
}
