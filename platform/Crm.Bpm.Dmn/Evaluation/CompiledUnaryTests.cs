using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Evaluation;

/// <summary>FEEL unary tests of the model (an input entry, allowed values), compiled once.</summary>
internal sealed class CompiledUnaryTests(string text, Func<FeelValue, EvaluationFrame, bool?> run)
{
    /// <summary>Tests that match every value (<c>-</c>).</summary>
    public static CompiledUnaryTests Any { get; } = new("-", (_, _) => true);

    public string Text { get; } = text;

    /// <summary>Whether this is the <c>-</c> test, which matches every input without evaluating anything.</summary>
    public bool IsAny => ReferenceEquals(this, Any);

    /// <summary>When the tests are only string literals (<c>"a", "b"</c>): those strings, which let a decision table index its rules.</summary>
    public IReadOnlyList<string>? StringLiterals { get; init; }

    /// <summary>True when <paramref name="input"/> passes, false when it does not, null when the test itself failed.</summary>
    public bool? Matches(FeelValue input, EvaluationFrame frame) => run(input, frame);
}
