using System.Collections.Concurrent;
using System.Text.Json;
using Crm.Bpm.Diagnostics;
using Crm.Bpm.Dmn.Drg;
using Crm.Bpm.Dmn.Evaluation;
using Crm.Bpm.Dmn.Parsing;
using Crm.Bpm.Engine.Runtime.Decisions;
using Crm.Bpm.Engine.Runtime.Expressions;
using Crm.Bpm.Feel.Json;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Engine.DmnDecisions;

/// <summary>Runs the decisions of deployed DMN files for business rule tasks, the way Camunda 8 does: by decision id, with the task's visible variables as input.</summary>
/// <remarks>
/// Camunda 8 decision tables name process variables directly in their input expressions (<c>lead.budget</c>) instead of
/// declaring input data. The DMN evaluator binds only declared requirements, so each evaluation gives the model one
/// input data element per visible variable and makes every decision require it (DMN 1.5 §6.3.11); models are compiled
/// once per set of variable names. A result that is null because of a DMN error (a UNIQUE table with several hits, an
/// output outside its allowed values...) fails the evaluation, so the engine raises an incident; a table without a
/// matching rule gives null, as in Camunda 8. Thread-safe.
/// </remarks>
public sealed class DmnDecisionEvaluator : IDecisionEvaluator
{
    private readonly ConcurrentDictionary<string, DeployedDecision> _decisions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(DmnDefinitions Model, string Names), DmnModel> _compiled = new();
    private readonly TimeProvider? _clock;

    /// <summary>Creates an evaluator whose FEEL <c>now()</c> and <c>today()</c> read <paramref name="clock"/> (the system clock when null).</summary>
    public DmnDecisionEvaluator(TimeProvider? clock = null)
    {
        _clock = clock;
    }

    /// <summary>The ids of every deployed decision, which <c>zeebe:calledDecision decisionId</c> names.</summary>
    public IReadOnlyCollection<string> DecisionIds => _decisions.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Reads, compiles and deploys a DMN file; returns every finding (errors mean nothing was deployed).</summary>
    public IReadOnlyList<Diagnostic> DeployFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return [new Diagnostic(DiagnosticSeverity.Error, DmnDecisionCodes.Unreadable, $"The DMN file '{path}' does not exist; check the path.", path)];
        }

        var parsed = DmnParser.ParseFile(path);
        return parsed.Definitions is null ? parsed.Diagnostics : Deploy(parsed.Definitions, parsed.Diagnostics);
    }

    /// <summary>Deploys the decisions of a parsed DMN model, replacing earlier decisions with the same ids.</summary>
    public IReadOnlyList<Diagnostic> Deploy(DmnDefinitions definitions, IReadOnlyList<Diagnostic>? parseDiagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var diagnostics = new List<Diagnostic>(parseDiagnostics ?? []);
        var check = DmnModel.Compile(definitions);
        diagnostics.AddRange(check.Diagnostics);
        if (diagnostics.Any(d => d.IsError) || check.Model is null)
        {
            return diagnostics;
        }

        foreach (var decision in definitions.Decisions)
        {
            if (decision.Id is { Length: > 0 } id)
            {
                _decisions[id] = new DeployedDecision(definitions, decision.Name);
            }
        }

        return diagnostics;
    }

    /// <inheritdoc/>
    public DecisionResult Evaluate(string decisionId, IVariableLookup variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (decisionId is null || !_decisions.TryGetValue(decisionId, out var deployed))
        {
            var known = DecisionIds;
            return DecisionResult.Fail(known.Count == 0
                ? $"No decision with id '{decisionId}' is deployed, and no DMN file is; deploy the DMN file that defines it."
                : $"No decision with id '{decisionId}' is deployed; deployed decisions are: {string.Join(", ", known)}.");
        }

        var drgNames = deployed.Definitions.DrgElements.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var inputs = new Dictionary<string, FeelValue>(StringComparer.Ordinal);
        foreach (var (name, value) in variables.VisibleVariables())
        {
            // A variable never hides a decision, knowledge model or declared input data of the model itself.
            if (!drgNames.Contains(name) || deployed.Definitions.InputData.Any(i => i.Name == name))
            {
                inputs[name] = FeelJson.FromJson(value);
            }
        }

        var ambient = inputs.Keys.Where(n => !drgNames.Contains(n)).Order(StringComparer.Ordinal).ToList();
        var model = _compiled.GetOrAdd((deployed.Definitions, string.Join('\n', ambient)), key => WithVariables(key.Model, ambient));
        var result = model.Evaluate(deployed.DecisionName, inputs, _clock);
        if (result.Value.IsNull)
        {
            // FEEL warnings (an unknown variable, say) alone give null as in Camunda 8; a DMN-level warning is a failed decision.
            var failures = result.Warnings.Where(w => w.Code.StartsWith("DMN", StringComparison.Ordinal)).Select(w => w.Message).ToList();
            if (failures.Count > 0)
            {
                return DecisionResult.Fail($"The decision '{decisionId}' failed: {string.Join(" ", failures)}");
            }
        }

        var json = FeelJson.ToJsonString(result.Value);
        using var document = JsonDocument.Parse(json);
        return DecisionResult.Of(document.RootElement.Clone());
    }

    private static DmnModel WithVariables(DmnDefinitions definitions, IReadOnlyList<string> names)
    {
        var taken = definitions.DrgElements.Select(e => e.Id).Where(id => id is not null).ToHashSet(StringComparer.Ordinal);
        var added = new List<InputData>();
        foreach (var name in names)
        {
            var id = "crm-variable-" + added.Count;
            while (taken.Contains(id))
            {
                id += "_";
            }

            added.Add(new InputData { Id = id, Name = name });
        }

        var requirements = added.Select(i => new InformationRequirement(InformationRequirementKind.InputData, new DmnReference("#" + i.Id, default))).ToList();
        var augmented = definitions with
        {
            InputData = [.. definitions.InputData, .. added],
            Decisions = definitions.Decisions
                .Select(d => d.Expression is null ? d : d with { InformationRequirements = [.. d.InformationRequirements, .. requirements] })
                .ToList(),
        };

        // The model compiled when it was deployed; this variant only adds input data, so it compiles too.
        return DmnModel.Compile(augmented).Model!;
    }

    private sealed record DeployedDecision(DmnDefinitions Definitions, string DecisionName);
}
