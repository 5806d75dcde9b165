namespace Crm.Bpm.Dmn.Expressions;

/// <summary>Which boxed iterator: <c>for</c>, <c>some</c> or <c>every</c>.</summary>
public enum IteratorKind
{
    For,
    Some,
    Every,
}
