namespace Crm.Bpm.Dmn.Tables;

/// <summary>The aggregation a COLLECT table applies to its outputs, if any (DMN 1.5 §8.2.11).</summary>
public enum BuiltinAggregator
{
    None,
    Sum,
    Count,
    Min,
    Max,
}
