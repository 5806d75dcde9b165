using Crm.Bpm.Dmn.Expressions;

namespace Crm.Bpm.Dmn.Drg;

/// <summary>Reusable decision logic exposed as a function (DMN 1.5 §6.3.9).</summary>
public sealed record BusinessKnowledgeModel : DrgElement
{
    /// <summary>The function the model stands for; null when the file gives no logic.</summary>
    public FunctionDefinition? EncapsulatedLogic { get; init; }

    /// <summary>The other knowledge models and services this one invokes.</summary>
    public IReadOnlyList<DmnReference> KnowledgeRequirements { get; init; } = [];
}
