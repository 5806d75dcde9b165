using Crm.Bpm.Dmn.Drg;
using Crm.Bpm.Dmn.Types;

namespace Crm.Bpm.Dmn.Evaluation;

/// <summary>A DRG element prepared for evaluation, belonging to the main model or to an imported one.</summary>
internal abstract class DrgNode(DrgElement element, ModelCompilation owner)
{
    public DrgElement Element { get; } = element;

    /// <summary>The compiled model the element belongs to.</summary>
    public ModelCompilation Owner { get; } = owner;

    public string Name => Element.Name;

    public string? Id => Element.Id;

    /// <summary>The type of the element's variable (Any until resolved).</summary>
    public DmnType Type { get; set; } = AnyType.Instance;
}

/// <summary>Input data prepared for evaluation.</summary>
internal sealed class InputDataNode(InputData element, ModelCompilation owner) : DrgNode(element, owner);

/// <summary>A decision prepared for evaluation: what it requires and its compiled logic.</summary>
internal sealed class DecisionNode(Decision element, ModelCompilation owner) : DrgNode(element, owner)
{
    public Decision Decision { get; } = element;

    /// <summary>The decisions and input data whose values the logic reads.</summary>
    public List<DrgNode> Information { get; } = [];

    /// <summary>The knowledge models and services the logic may invoke.</summary>
    public List<DrgNode> Knowledge { get; } = [];

    /// <summary>The compiled decision logic; null for a decision without logic.</summary>
    public Evaluator? Logic { get; set; }
}

/// <summary>A business knowledge model prepared for evaluation: a function with typed parameters.</summary>
internal sealed class BusinessKnowledgeModelNode(BusinessKnowledgeModel element, ModelCompilation owner) : DrgNode(element, owner)
{
    public BusinessKnowledgeModel Model { get; } = element;

    public List<DrgNode> Knowledge { get; } = [];

    public IReadOnlyList<FunctionParameter> Parameters { get; set; } = [];

    /// <summary>The compiled body; null when the model has no logic.</summary>
    public Evaluator? Body { get; set; }

    /// <summary>The type the result must conform to.</summary>
    public DmnType ResultType { get; set; } = AnyType.Instance;
}

/// <summary>A decision service prepared for evaluation: outputs and the parameters that feed it.</summary>
internal sealed class DecisionServiceNode(DecisionService element, ModelCompilation owner) : DrgNode(element, owner)
{
    public DecisionService Service { get; } = element;

    public List<DecisionNode> Outputs { get; } = [];

    /// <summary>The input data then the input decisions, in parameter order.</summary>
    public List<DrgNode> Parameters { get; } = [];

    /// <summary>The type the result must conform to.</summary>
    public DmnType ResultType { get; set; } = AnyType.Instance;
}
