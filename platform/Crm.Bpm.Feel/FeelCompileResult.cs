using Crm.Bpm.Diagnostics;

namespace Crm.Bpm.Feel;

/// <summary>The outcome of compiling FEEL text: the compiled form, or the syntax errors with their positions.</summary>
/// <typeparam name="T"><see cref="FeelExpression"/> or <see cref="FeelUnaryTests"/>.</typeparam>
public sealed class FeelCompileResult<T>
    where T : class
{
    internal FeelCompileResult(T? value, IReadOnlyList<Diagnostic> diagnostics)
    {
        Value = value;
        Diagnostics = diagnostics;
    }

    /// <summary>The compiled form; null when there are errors.</summary>
    public T? Value { get; }

    /// <summary>Syntax errors (code FEEL001, line and column within the text); empty on success.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether compilation succeeded.</summary>
    public bool Succeeded => Value is not null;
}
