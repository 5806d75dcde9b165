using Crm.Bpm.Dmn.Drg;

namespace Crm.Bpm.Dmn.Tables;

/// <summary>One rule: an input entry per input (unary tests), an output entry per output (expressions) and annotations.</summary>
public sealed record DecisionRule : DmnElement
{
    public IReadOnlyList<RuleEntry> InputEntries { get; init; } = [];

    public IReadOnlyList<RuleEntry> OutputEntries { get; init; } = [];

    public IReadOnlyList<string> AnnotationEntries { get; init; } = [];
}
