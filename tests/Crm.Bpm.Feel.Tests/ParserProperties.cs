using Crm.Bpm.Feel.Evaluation;
using FsCheck;
using FsCheck.Xunit;

namespace Crm.Bpm.Feel.Tests;

/// <summary>Random token sequences and random text give a compiled expression or positioned diagnostics, never an exception; compiled ones evaluate without throwing.</summary>
public sealed class ParserProperties
{
    private static readonly string[] Vocabulary =
    [
        "1", "2.5", ".5", "-", "+", "*", "/", "**", "=", "!=", "<", "<=", ">", ">=", "(", ")", "[", "]", "{", "}", ",", ".", "..", ":",
        "\"a\"", "\"\"", "@\"2024-01-01\"", "@\"P1D\"", "@\"bad\"", "true", "false", "null", "x", "y", "item", "?", "a b",
        "and", "or", "not", "in", "between", "instance", "of", "number", "list<number>", "if", "then", "else", "for", "return", "some", "every", "satisfies",
        "function", "external", "->", "date(\"2024-01-01\")", "string length", "sum", "count", "substring", "[1..3]", "(1..3)", "]1..3[", "partial", "\"\\u00e9\"", "//c\n", "/*", "*/",
    ];

    private static readonly FeelScope Scope = FeelScope.Of(("x", Values.FeelNumber.Of(3)), ("y", new Values.FeelString("s")), ("a b", Values.FeelList.Of(Values.FeelNumber.Of(1))));

    private static bool CompilesOrDiagnoses(string text)
    {
        var expression = FeelCompiler.CompileExpression(text, FeelCompileOptions.WithNames(["a b"]));
        var tests = FeelCompiler.CompileUnaryTests(text);
        if (!WellFormed(text, expression.Succeeded, expression.Diagnostics) || !WellFormed(text, tests.Succeeded, tests.Diagnostics))
        {
            return false;
        }

        // Whatever compiles must also evaluate without an exception escaping (errors are null plus warnings).
        var context = new FeelEvaluationContext(Scope);
        expression.Value?.Evaluate(context);
        tests.Value?.Evaluate(Values.FeelNumber.Of(2), context);
        return true;
    }

    private static bool WellFormed(string text, bool succeeded, IReadOnlyList<Diagnostics.Diagnostic> diagnostics)
    {
        if (succeeded)
        {
            return diagnostics.Count == 0;
        }

        var lines = text.Split('\n');
        return diagnostics.Count > 0 && diagnostics.All(d =>
            d.Code == FeelWarningCodes.Syntax && d.Line is >= 1 && d.Line <= lines.Length && d.Column is >= 1 && d.Column <= lines[d.Line.Value - 1].Length + 1);
    }

    [Property(MaxTest = 1000)]
    public bool RandomTokenSequences_CompileOrGiveDiagnostics(int[] picks)
    {
        var text = string.Join(" ", (picks ?? []).Take(40).Select(p => Vocabulary[(int)((uint)p % Vocabulary.Length)]));
        return CompilesOrDiagnoses(text);
    }

    [Property(MaxTest = 1000)]
    public bool RandomTokensWithoutSpaces_CompileOrGiveDiagnostics(int[] picks)
    {
        var text = string.Concat((picks ?? []).Take(40).Select(p => Vocabulary[(int)((uint)p % Vocabulary.Length)]));
        return CompilesOrDiagnoses(text);
    }

    [Property(MaxTest = 1000)]
    public bool RandomText_CompilesOrGivesDiagnostics(string text) => CompilesOrDiagnoses(text ?? string.Empty);

    [Property(MaxTest = 300)]
    public bool DeeplyNestedText_GivesDiagnosticsOrValue(PositiveInt depth)
    {
        var n = depth.Get % 2000;
        var text = new string('(', n) + "1" + new string(')', n);
        return CompilesOrDiagnoses(text);
    }
}
