using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Json;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Tests;

/// <summary>Evaluates FEEL text for tests, failing on syntax errors.</summary>
internal static class FeelAssert
{
    public static FeelValue Eval(string text, FeelScope? scope = null, IEnumerable<string>? names = null)
    {
        var options = names is null ? FeelCompileOptions.Default : FeelCompileOptions.WithNames(names);
        var compiled = FeelCompiler.CompileExpression(text, options);
        compiled.Diagnostics.Should().BeEmpty($"'{text}' should compile");
        return compiled.Value!.Evaluate(new FeelEvaluationContext(scope ?? FeelScope.Empty));
    }

    public static (FeelValue Value, FeelEvaluationContext Context) EvalWithContext(string text, FeelScope? scope = null)
    {
        var compiled = FeelCompiler.CompileExpression(text);
        compiled.Diagnostics.Should().BeEmpty($"'{text}' should compile");
        var context = new FeelEvaluationContext(scope ?? FeelScope.Empty);
        return (compiled.Value!.Evaluate(context), context);
    }

    /// <summary>The result as compact FEEL-ish JSON, easy to compare in assertions.</summary>
    public static string Json(string text, FeelScope? scope = null, IEnumerable<string>? names = null) => FeelJson.ToJsonString(Eval(text, scope, names));

    public static bool? Test(string tests, FeelValue input, FeelScope? scope = null, IEnumerable<string>? names = null)
    {
        var options = names is null ? FeelCompileOptions.Default : FeelCompileOptions.WithNames(names);
        var compiled = FeelCompiler.CompileUnaryTests(tests, options);
        compiled.Diagnostics.Should().BeEmpty($"'{tests}' should compile");
        return compiled.Value!.Evaluate(input, new FeelEvaluationContext(scope ?? FeelScope.Empty)) switch
        {
            FeelBoolean b => b.Value,
            _ => null,
        };
    }
}
