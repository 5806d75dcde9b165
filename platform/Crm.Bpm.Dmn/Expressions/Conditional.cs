namespace Crm.Bpm.Dmn.Expressions;

/// <summary>A boxed <c>if</c>/<c>then</c>/<c>else</c> (DMN 1.5 §8.3.3).</summary>
public sealed record Conditional : DmnExpression
{
    public DmnExpression? If { get; init; }

    public DmnExpression? Then { get; init; }

    public DmnExpression? Else { get; init; }
}
