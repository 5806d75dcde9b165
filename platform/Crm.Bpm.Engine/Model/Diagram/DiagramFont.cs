namespace Crm.Bpm.Engine.Model.Diagram;

/// <summary>A <c>dc:Font</c> of a label style; unset values are null.</summary>
public sealed record DiagramFont
{
    public string? Name { get; init; }

    public double? Size { get; init; }

    public bool? IsBold { get; init; }

    public bool? IsItalic { get; init; }

    public bool? IsUnderline { get; init; }

    public bool? IsStrikeThrough { get; init; }

    public SourcePosition Position { get; init; }
}
