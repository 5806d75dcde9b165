namespace Crm.Bpm.Dmn.Expressions;

/// <summary>A boxed context: named entries evaluated in order, each seeing the earlier ones (DMN 1.5 §10.2.1.5).</summary>
public sealed record ContextExpression : DmnExpression
{
    public IReadOnlyList<ContextEntry> Entries { get; init; } = [];
}
