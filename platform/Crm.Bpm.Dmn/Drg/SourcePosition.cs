namespace Crm.Bpm.Dmn.Drg;

/// <summary>A 1-based line and column in a DMN file; zero when the element was built in code.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>Whether the position points into a file.</summary>
    public bool IsKnown => Line > 0;
}
