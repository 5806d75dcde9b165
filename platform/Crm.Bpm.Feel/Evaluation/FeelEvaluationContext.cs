using Crm.Bpm.Diagnostics;

namespace Crm.Bpm.Feel.Evaluation;

/// <summary>One evaluation's surroundings: the variables in scope, the clock for <c>now()</c>/<c>today()</c>, and the warnings collected.</summary>
/// <remarks>
/// DMN 1.5 §10.3.2.13: a FEEL error yields null; the reason is recorded here as a warning diagnostic instead of
/// being thrown. Not thread-safe: use one context per evaluation thread (it may be reused for many evaluations).
/// </remarks>
public sealed class FeelEvaluationContext
{
    private const int MaxWarnings = 100;
    private List<Diagnostic>? _warnings;

    public FeelEvaluationContext(FeelScope scope, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        Scope = scope;
        Clock = clock ?? TimeProvider.System;
    }

    /// <summary>The variables visible to the expression.</summary>
    public FeelScope Scope { get; set; }

    /// <summary>The clock that <c>now()</c> and <c>today()</c> read.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The warnings collected so far (at most 100).</summary>
    public IReadOnlyList<Diagnostic> Warnings => (IReadOnlyList<Diagnostic>?)_warnings ?? [];

    /// <summary>Whether any warning was collected.</summary>
    public bool HasWarnings => _warnings is { Count: > 0 };

    /// <summary>Forgets the warnings collected so far.</summary>
    public void ClearWarnings() => _warnings?.Clear();

    /// <summary>Records why an expression evaluated to null.</summary>
    public void Warn(string code, string message)
    {
        _warnings ??= [];
        if (_warnings.Count < MaxWarnings)
        {
            _warnings.Add(new Diagnostic(DiagnosticSeverity.Warning, code, message));
        }
    }
}
