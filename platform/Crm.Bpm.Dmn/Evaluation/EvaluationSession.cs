using Crm.Bpm.Diagnostics;
using Crm.Bpm.Dmn.Parsing;
using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Evaluation;

/// <summary>The state of one evaluation request: the caller's inputs, DRG results computed so far, and warnings.</summary>
internal sealed class EvaluationSession
{
    // Most evaluations touch a handful of DRG nodes, so results live in two small arrays searched linearly;
    // a null value marks a node being evaluated (to detect requirement cycles).
    private object[] _nodes = [];
    private FeelValue?[] _values = [];
    private int _count;
    private FeelEvaluationContext? _feel;
    private EvaluationFrame? _emptyFrame;

    public EvaluationSession(IReadOnlyDictionary<string, FeelValue> inputs, List<Diagnostic> warnings, string? file, TimeProvider clock)
    {
        Inputs = inputs;
        Warnings = warnings;
        File = file;
        Clock = clock;
    }

    /// <summary>The values the caller supplied, by input data (or decision) name.</summary>
    public IReadOnlyDictionary<string, FeelValue> Inputs { get; }

    /// <summary>The warnings gathered so far; shared with nested sessions.</summary>
    public List<Diagnostic> Warnings { get; }

    /// <summary>The model file, named in warnings.</summary>
    public string? File { get; }

    public TimeProvider Clock { get; }

    /// <summary>The FEEL evaluation context reused for every FEEL expression of this session.</summary>
    public FeelEvaluationContext Feel => _feel ??= new FeelEvaluationContext(FeelScope.Empty, Clock);

    /// <summary>Values forced for some DRG nodes, such as a decision service's input decisions and input data.</summary>
    public Dictionary<object, FeelValue>? Overrides { get; init; }

    /// <summary>A frame without variables, for type checks that need no scope.</summary>
    public EvaluationFrame EmptyFrame => _emptyFrame ??= new EvaluationFrame(this);

    public bool TryGetResult(object node, out FeelValue value)
    {
        var index = IndexOf(node);
        if (index >= 0 && _values[index] is { } found)
        {
            value = found;
            return true;
        }

        value = FeelValue.Null;
        return false;
    }

    public void SetResult(object node, FeelValue value) => Put(node, value);

    /// <summary>Marks a node as being evaluated; false when it already is (a requirement cycle).</summary>
    public bool Enter(object node)
    {
        var index = IndexOf(node);
        if (index >= 0 && _values[index] is null)
        {
            return false;
        }

        Put(node, null);
        return true;
    }

    private int IndexOf(object node)
    {
        for (var i = 0; i < _count; i++)
        {
            if (ReferenceEquals(_nodes[i], node))
            {
                return i;
            }
        }

        return -1;
    }

    private void Put(object node, FeelValue? value)
    {
        var index = IndexOf(node);
        if (index >= 0)
        {
            _values[index] = value;
            return;
        }

        if (_count == _nodes.Length)
        {
            var size = Math.Max(4, _count * 2);
            Array.Resize(ref _nodes, size);
            Array.Resize(ref _values, size);
        }

        _nodes[_count] = node;
        _values[_count] = value;
        _count++;
    }

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
        if (_feel is null || !_feel.HasWarnings)
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
