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

    public void Report(DiagnosticSeverity severity, string code, string message, DmnElement at, string? ownerId) =>
        Diagnostics.Add(new Diagnostic(severity, code, message, File,
            at.Position.IsKnown ? at.Position.Line : null, at.Position.IsKnown ? at.Position.Column : null, at.Id ?? ownerId));

    public static string Shorten(string text)
    {
        var single = text.ReplaceLineEndings(" ").Trim();
        return single.Length <= 80 ? single : single[..77] + "...";
    }
}
