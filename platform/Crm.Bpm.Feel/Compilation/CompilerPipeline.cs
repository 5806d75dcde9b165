using Crm.Bpm.Diagnostics;
using Crm.Bpm.Feel.Evaluation;

namespace Crm.Bpm.Feel.Compilation;

/// <summary>Lexes, parses and compiles FEEL text.</summary>
internal static class CompilerPipeline
{
    public static FeelCompileResult<FeelExpression> CompileExpression(string text, FeelCompileOptions options)
    {
        _ = options;
        return new FeelCompileResult<FeelExpression>(null, [new Diagnostic(DiagnosticSeverity.Error, FeelWarningCodes.Syntax, $"not yet implemented: {text}", Line: 1, Column: 1)]);
    }

    public static FeelCompileResult<FeelUnaryTests> CompileUnaryTests(string text, FeelCompileOptions options)
    {
        _ = options;
        return new FeelCompileResult<FeelUnaryTests>(null, [new Diagnostic(DiagnosticSeverity.Error, FeelWarningCodes.Syntax, $"not yet implemented: {text}", Line: 1, Column: 1)]);
    }
}
