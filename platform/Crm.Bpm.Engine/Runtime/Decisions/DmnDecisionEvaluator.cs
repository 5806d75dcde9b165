using Crm.Bpm.Diagnostics;
using Crm.Bpm.Dmn.Evaluation;
using Crm.Bpm.Engine.Runtime.Expressions;
using Crm.Bpm.Engine.Runtime.Variables;
using Crm.Bpm.Feel.Json;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Engine.Runtime.Decisions;

/// <summary>Evaluates decisions of deployed DMN files for business rule tasks, found by decision id (<c>zeebe:calledDecision decisionId</c>) as in Camunda 8.</summary>
/// <remarks>The task's visible variables are the decision's inputs; the result is DMN's: a value, a context for several outputs, a list for collect policies.</remarks>
public sealed class DmnDecisionEvaluator : IDecisionEvaluator
{
    private readonly Dictionary<string, (DmnModel Model, string Name)> _decisions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeProvider? _clock;

    /// <summary>Creates an evaluator with no decisions; <paramref name="clock"/> answers FEEL's <c>now()</c>.</summary>
    public DmnDecisionEvaluator(TimeProvider? clock = null)
    {
        _clock = clock;
    }

    /// <summary>Loads and compiles a DMN file and makes its decisions callable by id (a later file wins for the same id).</summary>
    public IReadOnlyList<Diagnostic> DeployFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var loaded = DmnModel.Load(path);
        if (loaded.Model is null || loaded.HasErrors)
        {
            return loaded.Diagnostics;
        }

        lock (_gate)
        {
            foreach (var decision in loaded.Model.Definitions.Decisions)
            {
                if (decision.Id is { Length: > 0 } id)
                {
                    _decisions[id] = (loaded.Model, decision.Name);
                }
            }
        }

        return loaded.Diagnostics;
    }

    /// <summary>The ids of the decisions that can be called.</summary>
    public IReadOnlyCollection<string> DecisionIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _decisions.Keys];
            }
        }
    }

    /// <inheritdoc/>
    public DecisionResult Evaluate(string decisionId, IVariableLookup variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        (DmnModel Model, string Name) target;
        lock (_gate)
        {
            if (!_decisions.TryGetValue(decisionId, out target))
            {
                return DecisionResult.Fail($"No deployed decision has the id '{decisionId}'; deploy its DMN file.");
            }
        }

        var inputs = new Dictionary<string, FeelValue>(StringComparer.Ordinal);
        foreach (var (name, value) in variables.VisibleVariables())
        {
            inputs[name] = FeelJson.FromJson(value);
        }

        var result = target.Model.Evaluate(target.Name, inputs, _clock);
        if (result.Value is FeelNull && result.Warnings.Count > 0)
        {
            return DecisionResult.Fail(string.Join("; ", result.Warnings.Select(w => w.Message)));
        }

        return DecisionResult.Of(JsonValues.Write(writer => FeelJson.Write(writer, result.Value)));
    }
}
