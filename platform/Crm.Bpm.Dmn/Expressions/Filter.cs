namespace Crm.Bpm.Dmn.Expressions;

/// <summary>A boxed filter: the elements of a list for which <c>match</c> is true, each named <c>item</c> (DMN 1.5 §8.3.5).</summary>
public sealed record Filter : DmnExpression
{
    public DmnExpression? In { get; init; }

    public DmnExpression? Match { get; init; }
}
