using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Compilation;

/// <summary>Runs compiled delegates so that no failure ever escapes to the caller (DMN 1.5 §10.3.2.13: errors are null).</summary>
internal static class EvaluatorRunner
{
    public static FeelValue Run(Evaluator evaluator, FeelEvaluationContext context, FeelScope scope)
    {
        try
        {
            return evaluator(context, scope);
        }
        catch (InsufficientExecutionStackException)
        {
            context.Warn(FeelWarningCodes.OutOfRange, "The expression nests or recurses too deeply.");
            return FeelValue.Null;
        }
#pragma warning disable CA1031 // The contract is null plus a warning, never an exception; this is the last line of defence.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            context.Warn(FeelWarningCodes.InvalidOperands, $"Evaluation failed: {ex.Message}");
            return FeelValue.Null;
        }
    }

    public static FeelValue RunTest(UnaryTestEvaluator evaluator, FeelValue input, FeelEvaluationContext context)
    {
        try
        {
            return evaluator(input, context, context.Scope);
        }
        catch (InsufficientExecutionStackException)
        {
            context.Warn(FeelWarningCodes.OutOfRange, "The test nests or recurses too deeply.");
            return FeelValue.Null;
        }
#pragma warning disable CA1031 // The contract is null plus a warning, never an exception; this is the last line of defence.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            context.Warn(FeelWarningCodes.InvalidOperands, $"Evaluation failed: {ex.Message}");
            return FeelValue.Null;
        }
    }
}
