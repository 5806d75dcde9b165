using Crm.Bpm.Dmn.Expressions;

namespace Crm.Bpm.Dmn.Tables;

/// <summary>A decision table: input clauses, output clauses and rules with a hit policy (DMN 1.5 §8.3).</summary>
public sealed record DecisionTable : DmnExpression
{
    public HitPolicy HitPolicy { get; init; } = HitPolicy.Unique;

    public BuiltinAggregator Aggregation { get; init; } = BuiltinAggregator.None;

    /// <summary>The table's orientation as drawn (Rule-as-Row and so on); it does not change evaluation.</summary>
    public string? PreferredOrientation { get; init; }

    /// <summary>The name of the table's output when it has one column, used for the result context otherwise.</summary>
    public string? OutputLabel { get; init; }

    public IReadOnlyList<InputClause> Inputs { get; init; } = [];

    public IReadOnlyList<OutputClause> Outputs { get; init; } = [];

    /// <summary>The names of the annotation columns.</summary>
    public IReadOnlyList<string> Annotations { get; init; } = [];

    public IReadOnlyList<DecisionRule> Rules { get; init; } = [];
}
