namespace Crm.Bpm.Engine.Comparison;

/// <summary>Whether a difference is in what the process means or only in how it is drawn.</summary>
public enum DifferenceKind
{
    Semantic,
    Diagram,
}
