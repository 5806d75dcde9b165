using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Evaluation;

/// <summary>A FEEL expression of the model, compiled once and evaluated in any frame.</summary>
internal sealed class CompiledFeel(string text, Func<EvaluationFrame, FeelValue> run)
{
    public string Text { get; } = text;

    public FeelValue Evaluate(EvaluationFrame frame) => run(frame);
}
