using Crm.Bpm.Diagnostics;
using Crm.Bpm.Dmn.Parsing;
using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Evaluation;

/// <summary>The state of one evaluation request: the caller's inputs, DRG results computed so far, and warnings.</summary>
internal sealed class EvaluationSession
{
    private readonly Dictionary<object, FeelValue> _results = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<object> _inProgress = new(ReferenceEqualityComparer.Instance);

    public EvaluationSession(IReadOnlyDictionary<string, FeelValue> inputs, List<Diagnostic> warnings, string? file, TimeProvider clock)
    {
        Inputs = inputs;
        Warnings = warnings;
        File = file;
        Clock = clock;
        Feel = new FeelEvaluationContext(FeelScope.Empty, clock);
    }

    /// <summary>The values the caller supplied, by input data (or decision) name.</summary>
    public IReadOnlyDictionary<string, FeelValue> Inputs { get; }

    /// <summary>The warnings gathered so far; shared with nested sessions.</summary>
    public List<Diagnostic> Warnings { get; }

    /// <summary>The model file, named in warnings.</summary>
    public string? File { get; }

    public TimeProvider Clock { get; }

    /// <summary>The FEEL evaluation context reused for every FEEL expression of this session.</summary>
    public FeelEvaluationContext Feel { get; }

    /// <summary>Values forced for some DRG nodes, such as a decision service's input decisions and input data.</summary>
    public Dictionary<object, FeelValue>? Overrides { get; init; }

    public bool TryGetResult(object node, out FeelValue value) => _results.TryGetValue(node, out value!);

    public void SetResult(object node, FeelValue value) => _results[node] = value;

    /// <summary>Marks a node as being evaluated; false when it already is (a requirement cycle).</summary>
    public bool Enter(object node) => _inProgress.Add(node);

    public void Leave(object node) => _inProgress.Remove(node);

    /// <summary>A session for a decision service call: the same warnings and clock, fresh results, the given overrides.</summary>
    public EvaluationSession Nested(Dictionary<object, FeelValue> overrides) =>
        new(new Dictionary<string, FeelValue>(StringComparer.Ordinal), Warnings, File, Clock) { Overrides = overrides };

    /// <summary>Records that something evaluated to null because of an error (DMN: errors yield null, never an exception).</summary>
    public void Warn(string message, string? elementId, Drg.SourcePosition position = default)
    {
        // Cap the list so that a loop over a large list cannot fill memory with one repeated warning.
        if (Warnings.Count < 1000)
        {
            Warnings.Add(new Diagnostic(DiagnosticSeverity.Warning, DmnDiagnosticCodes.EvaluationWarning, message, File,
                position.IsKnown ? position.Line : null, position.IsKnown ? position.Column : null, elementId));
        }
    }

    /// <summary>Moves the warnings FEEL recorded into this session's list, naming the element concerned.</summary>
    public void CollectFeelWarnings(string? elementId, Drg.SourcePosition position)
    {
        if (!Feel.HasWarnings)
        {
            return;
        }

        foreach (var warning in Feel.Warnings)
        {
            if (Warnings.Count < 1000)
            {
                Warnings.Add(warning with
                {
                    File = File,
                    Line = warning.Line ?? (position.IsKnown ? position.Line : null),
                    Column = warning.Column ?? (position.IsKnown ? position.Column : null),
                    ElementId = warning.ElementId ?? elementId,
                });
            }
        }

        Feel.ClearWarnings();
    }
}
