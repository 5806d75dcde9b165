namespace Crm.Bpm.Dmn.Expressions;

/// <summary>A boxed invocation: calls a function (usually a business knowledge model) with named bindings (DMN 1.5 §10.2.1.7).</summary>
public sealed record Invocation : DmnExpression
{
    /// <summary>The expression naming the function, normally a literal holding its name.</summary>
    public DmnExpression? CalledFunction { get; init; }

    public IReadOnlyList<Binding> Bindings { get; init; } = [];
}
