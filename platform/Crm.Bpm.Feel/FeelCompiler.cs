using Crm.Bpm.Feel.Compilation;
using Crm.Bpm.Feel.Values;

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

    /// <summary>
    /// Compiles a Camunda 8 (Zeebe) property value: text starting with <c>=</c> is a FEEL expression (<c>=amount &gt; 1000</c>),
    /// any other text is the string itself. Diagnostic columns count from the start of the whole value, <c>=</c> included.
    /// </summary>
    public static FeelCompileResult<FeelExpression> CompileZeebeValue(string text, FeelCompileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!IsZeebeExpression(text))
        {
            var constant = new FeelString(text);
            return new FeelCompileResult<FeelExpression>(new FeelExpression(text, (_, _) => constant), []);
        }

        var start = text.IndexOf('=', StringComparison.Ordinal) + 1;
        var result = CompileExpression(text[start..], options);
        if (result.Succeeded)
        {
            return result;
        }

        // Shift first-line columns so they point into the original text, '=' and leading spaces included.
        var shifted = result.Diagnostics.Select(d => d.Line == 1 && d.Column is { } column ? d with { Column = column + start } : d).ToArray();
        return new FeelCompileResult<FeelExpression>(null, shifted);
    }

    /// <summary>Whether a Camunda 8 property value is a FEEL expression (it starts with <c>=</c>, after optional spaces).</summary>
    public static bool IsZeebeExpression(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.TrimStart().StartsWith('=');
    }

    /// <summary>Compiles FEEL unary tests (grammar rule 17, a decision table input entry). Never throws on bad text.</summary>
    public static FeelCompileResult<FeelUnaryTests> CompileUnaryTests(string text, FeelCompileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CompilerPipeline.CompileUnaryTests(text, options ?? FeelCompileOptions.Default);
    }
}
