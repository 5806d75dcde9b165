namespace Crm.Bpm.Dmn.Expressions;

/// <summary>A boxed list: each item is an expression (DMN 1.5 §10.2.1.9).</summary>
public sealed record ListExpression : DmnExpression
{
    public IReadOnlyList<DmnExpression> Items { get; init; } = [];
}
