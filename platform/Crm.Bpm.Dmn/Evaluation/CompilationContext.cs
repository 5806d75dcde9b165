using Crm.Bpm.Diagnostics;
using Crm.Bpm.Dmn.Drg;
using Crm.Bpm.Dmn.Parsing;
using Crm.Bpm.Dmn.Types;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Evaluation;

/// <summary>What compiling one model needs: where diagnostics go, how type references resolve, and the FEEL compiler.</summary>
internal sealed class CompilationContext(string? file, List<Diagnostic> diagnostics)
{
    public string? File { get; } = file;

    public List<Diagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>Resolves type references of this model; set once the item definitions are known.</summary>
    public TypeResolver Types { get; set; } = null!;

    /// <summary>Compiles FEEL text; text that does not compile is reported once and evaluates to null with a warning.</summary>
    public CompiledFeel CompileFeel(string text, NameScope names, DmnElement at, string? ownerId)
    {
        var trimmed = text.Trim();
        if (Constant(trimmed) is { } constant)
        {
            // Literal output entries (numbers, plain strings, booleans, null) need no FEEL evaluation at all.
            return new CompiledFeel(text, _ => constant);
        }

        if (names.Names.Contains(trimmed))
        {
            // A bare name of the scope (the usual input expression) is a lookup; FEEL would do the same with more machinery.
            return new CompiledFeel(text, frame => frame.TryGetValue(trimmed, out var value) ? value : FeelValue.Null);
        }

        var compiled = FeelInterop.CompileExpression(text, names, out var error, name => Types?.ToFeelType(name), at.Id ?? ownerId, at.Position);
        if (compiled is not null)
        {
            return compiled;
        }

        Report(DiagnosticSeverity.Error, DmnDiagnosticCodes.FeelError, $"The FEEL expression '{Shorten(text)}' does not compile: {error}", at, ownerId);
        var message = $"The expression '{Shorten(text)}' could not be compiled ({error}); its value is null.";
        var position = at.Position;
        return new CompiledFeel(text, frame =>
        {
            frame.Session.Warn(message, at.Id ?? ownerId, position);
            return FeelValue.Null;
        });
    }

    /// <summary>Compiles unary tests; null or blank text, and <c>-</c>, match everything.</summary>
    public CompiledUnaryTests CompileUnaryTests(string? text, NameScope names, DmnElement at, string? ownerId, string? entryId = null, SourcePosition position = default)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == "-")
        {
            return CompiledUnaryTests.Any;
        }

        if (Tables.LiteralUnaryTests.TryCompile(text) is { } literal)
        {
            return new CompiledUnaryTests(text, (input, _) => literal(input)) { StringLiterals = Tables.LiteralUnaryTests.StringLiterals(text) };
        }

        var compiled = FeelInterop.CompileUnaryTests(text, names, out var error, name => Types?.ToFeelType(name), entryId ?? at.Id ?? ownerId, position.IsKnown ? position : at.Position);
        if (compiled is not null)
        {
            return compiled;
        }

        var where = position.IsKnown ? position : at.Position;
        Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DmnDiagnosticCodes.FeelError,
            $"The unary tests '{Shorten(text)}' do not compile: {error}", File, where.IsKnown ? where.Line : null, where.IsKnown ? where.Column : null, entryId ?? at.Id ?? ownerId));
        var message = $"The unary tests '{Shorten(text)}' could not be compiled ({error}); they match nothing.";
        return new CompiledUnaryTests(text, (_, frame) =>
        {
            frame.Session.Warn(message, entryId ?? at.Id ?? ownerId, where);
            return null;
        });
    }

    /// <summary>The value of a literal that needs no evaluation: a number, a string without escapes, true, false or null.</summary>
    private static FeelValue? Constant(string text)
    {
        if (text is "true" or "false")
        {
            return FeelValue.Boolean(text == "true");
        }

        if (text == "null")
        {
            return FeelValue.Null;
        }

        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"' && text.IndexOfAny(['"', '\\'], 1, text.Length - 2) < 0)
        {
            return FeelValue.String(text[1..^1]);
        }

        if (text.Length > 0 && (char.IsAsciiDigit(text[0]) || (text[0] == '-' && text.Length > 1 && char.IsAsciiDigit(text[1])))
            && text.Skip(1).All(c => char.IsAsciiDigit(c) || c == '.') && text.Count(c => c == '.') <= 1 && text[^1] != '.'
            && Feel.Numbers.FeelDecimal.TryParse(text) is { } number)
        {
            return FeelValue.Number(number);
        }

        return null;
    }

    public void Report(DiagnosticSeverity severity, string code, string message, DmnElement at, string? ownerId) =>
        Diagnostics.Add(new Diagnostic(severity, code, message, File,
            at.Position.IsKnown ? at.Position.Line : null, at.Position.IsKnown ? at.Position.Column : null, at.Id ?? ownerId));

    public static string Shorten(string text)
    {
        var single = text.ReplaceLineEndings(" ").Trim();
        return single.Length <= 80 ? single : single[..77] + "...";
    }
}
