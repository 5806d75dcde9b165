using Crm.Bpm.Dmn.Expressions;

namespace Crm.Bpm.Dmn.Drg;

/// <summary>A decision: a boxed expression over its required decisions, input data and knowledge (DMN 1.5 §6.3.7).</summary>
public sealed record Decision : DrgElement
{
    /// <summary>The decisions (<c>requiredDecision</c>) and input data (<c>requiredInput</c>) this decision reads.</summary>
    public IReadOnlyList<InformationRequirement> InformationRequirements { get; init; } = [];

    /// <summary>The business knowledge models and decision services this decision invokes.</summary>
    public IReadOnlyList<DmnReference> KnowledgeRequirements { get; init; } = [];

    /// <summary>The decision logic, or null for a decision without logic (its value must be given as input).</summary>
    public DmnExpression? Expression { get; init; }
}
