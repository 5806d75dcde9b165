using System.Text.Json;

namespace Crm.Bpm.Engine.Runtime.Expressions;

/// <summary>The JSON value an expression produced, or the reason it could not produce one.</summary>
public readonly record struct ExpressionResult
{
    private ExpressionResult(JsonElement value, string? error, string? warning = null)
    {
        Value = value;
        Error = error;
        Warning = warning;
    }

    /// <summary>The value; undefined when <see cref="Error"/> is set.</summary>
    public JsonElement Value { get; }

    /// <summary>Why evaluation failed, or null.</summary>
    public string? Error { get; }

    /// <summary>What the language noticed while evaluating (FEEL yields null and warns, e.g. for an unknown name), or null.</summary>
    public string? Warning { get; }

    /// <summary>Whether evaluation produced a value.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A successful result.</summary>
    public static ExpressionResult Of(JsonElement value) => new(value, null);

    /// <summary>A successful result that comes with a warning.</summary>
    public static ExpressionResult Of(JsonElement value, string? warning) => new(value, null, warning);

    /// <summary>A failed result with its reason.</summary>
    public static ExpressionResult Fail(string error) => new(default, error);
}
