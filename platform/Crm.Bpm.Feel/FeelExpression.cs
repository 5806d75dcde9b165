using Crm.Bpm.Feel.Compilation;
using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel;

/// <summary>A compiled FEEL expression: parse once, evaluate many times against different scopes. Thread-safe.</summary>
public sealed class FeelExpression
{
    private readonly Evaluator _evaluator;

    internal FeelExpression(string text, Evaluator evaluator)
    {
        Text = text;
        _evaluator = evaluator;
    }

    /// <summary>The source text.</summary>
    public string Text { get; }

    /// <summary>Evaluates against the context's scope; errors give null and a warning on <paramref name="context"/>, never an exception.</summary>
    public FeelValue Evaluate(FeelEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return EvaluatorRunner.Run(_evaluator, context, context.Scope);
    }

    /// <summary>Evaluates against <paramref name="scope"/>, discarding warnings.</summary>
    public FeelValue Evaluate(FeelScope scope) => Evaluate(new FeelEvaluationContext(scope));

    /// <inheritdoc />
    public override string ToString() => Text;
}
