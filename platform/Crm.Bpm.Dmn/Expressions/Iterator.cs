namespace Crm.Bpm.Dmn.Expressions;

/// <summary>A boxed <c>for</c>, <c>some</c> or <c>every</c> over one list (DMN 1.5 §8.3.4).</summary>
public sealed record Iterator : DmnExpression
{
    public IteratorKind Kind { get; init; }

    /// <summary>The name each element is bound to while the body runs.</summary>
    public required string IteratorVariable { get; init; }

    /// <summary>The list (or range) iterated over.</summary>
    public DmnExpression? In { get; init; }

    /// <summary>The <c>return</c> of a <c>for</c>, or the <c>satisfies</c> test of <c>some</c>/<c>every</c>.</summary>
    public DmnExpression? Body { get; init; }
}
