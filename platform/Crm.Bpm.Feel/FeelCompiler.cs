using Crm.Bpm.Feel.Compilation;

namespace Crm.Bpm.Feel;

/// <summary>Parses and compiles FEEL text (DMN 1.5 chapter 10) into reusable delegates.</summary>
public static class FeelCompiler
{
    /// <summary>Compiles a FEEL expression (grammar rule 1). Never throws on bad text: errors come back as diagnostics.</summary>
    public static FeelCompileResult<FeelExpression> CompileExpression(string text, FeelCompileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CompilerPipeline.CompileExpression(text, options ?? FeelCompileOptions.Default);
    }

    /// <summary>Compiles FEEL unary tests (grammar rule 17, a decision table input entry). Never throws on bad text.</summary>
    public static FeelCompileResult<FeelUnaryTests> CompileUnaryTests(string text, FeelCompileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CompilerPipeline.CompileUnaryTests(text, options ?? FeelCompileOptions.Default);
    }
}
