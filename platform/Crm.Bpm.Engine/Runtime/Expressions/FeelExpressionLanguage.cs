using Crm.Bpm.Feel;

namespace Crm.Bpm.Engine.Runtime.Expressions;

/// <summary>FEEL (DMN 1.5) as the expression language of processes, as in Camunda 8: compiled once per expression, evaluated against the element's variables.</summary>
public sealed class FeelExpressionLanguage : IExpressionLanguage
{
    private readonly TimeProvider _clock;

    /// <summary>Creates the language; <paramref name="clock"/> answers FEEL's <c>now()</c> and <c>today()</c> (the system clock by default).</summary>
    public FeelExpressionLanguage(TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public ExpressionCompilation Compile(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compiled = FeelCompiler.CompileExpression(text, FeelCompileOptions.Default);
        if (!compiled.Succeeded)
        {
            return new ExpressionCompilation(null, string.Join("; ", compiled.Diagnostics.Select(d => d.Message)));
        }

        return new ExpressionCompilation(new FeelCompiledExpression(text, compiled.Value!, _clock), null);
    }
}
