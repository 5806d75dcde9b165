using Crm.Bpm.Engine.Runtime.Expressions;

namespace Crm.Bpm.Engine.Runtime.Decisions;

/// <summary>Evaluates a deployed DMN decision for a business rule task (<c>zeebe:calledDecision</c>).</summary>
public interface IDecisionEvaluator
{
    /// <summary>Evaluates the decision with the task's visible variables as input; never throws for a bad decision or input.</summary>
    DecisionResult Evaluate(string decisionId, IVariableLookup variables);
}
