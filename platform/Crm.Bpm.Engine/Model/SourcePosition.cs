namespace Crm.Bpm.Engine.Model;

/// <summary>Where an element starts in its source file: the 1-based line and the column of its <c>&lt;</c>.</summary>
/// <remarks>Both are 0 for elements built in code rather than parsed; <see cref="IsKnown"/> tells the two apart.</remarks>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>The position of an element that was not read from a file.</summary>
    public static SourcePosition None => default;

    /// <summary>Whether the element was read from a file.</summary>
    public bool IsKnown => Line > 0;

    public override string ToString() => IsKnown ? $"({Line},{Column})" : "(unknown)";
}
