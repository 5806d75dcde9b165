using Crm.Bpm.Feel.Compilation;
using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel;

/// <summary>Compiled FEEL unary tests (a decision table input entry such as <c>&gt; 5</c>, <c>"a","b"</c>, <c>not([1..3])</c>, <c>-</c>), tested against an input value. Thread-safe.</summary>
public sealed class FeelUnaryTests
{
    private readonly UnaryTestEvaluator _evaluator;

    internal FeelUnaryTests(string text, UnaryTestEvaluator evaluator, bool isAny)
    {
        Text = text;
        _evaluator = evaluator;
        IsAny = isAny;
    }

    /// <summary>The source text.</summary>
    public string Text { get; }

    /// <summary>Whether the tests are the dash (<c>-</c>), matching every input.</summary>
    public bool IsAny { get; }

    /// <summary>Tests <paramref name="input"/>: FEEL true or false, or null when the test could not be decided (warning on <paramref name="context"/>).</summary>
    public FeelValue Evaluate(FeelValue input, FeelEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        return EvaluatorRunner.RunTest(_evaluator, input, context);
    }

    /// <summary>Whether <paramref name="input"/> satisfies the tests (null counts as no match).</summary>
    public bool Matches(FeelValue input, FeelEvaluationContext context) => Evaluate(input, context) is FeelBoolean { Value: true };

    /// <inheritdoc />
    public override string ToString() => Text;
}
