using Crm.Bpm.Dmn.Types;

namespace Crm.Bpm.Dmn.Expressions;

/// <summary>A boxed relation: a list of contexts sharing column names (DMN 1.5 §10.2.1.8).</summary>
public sealed record Relation : DmnExpression
{
    public IReadOnlyList<InformationItem> Columns { get; init; } = [];

    /// <summary>Each row's cells, one per column.</summary>
    public IReadOnlyList<IReadOnlyList<DmnExpression>> Rows { get; init; } = [];
}
