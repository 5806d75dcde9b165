using System.Text.Json;

namespace Crm.Bpm.Engine.Runtime.Expressions;

/// <summary>The JSON value an expression produced, or the reason it could not produce one.</summary>
public readonly record struct ExpressionResult
{
    private ExpressionResult(JsonElement value, string? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value; undefined when <see cref="Error"/> is set.</summary>
    public JsonElement Value { get; }

    /// <summary>Why evaluation failed, or null.</summary>
    public string? Error { get; }

    /// <summary>Whether evaluation produced a value.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A successful result.</summary>
    public static ExpressionResult Of(JsonElement value) => new(value, null);

    /// <summary>A failed result with its reason.</summary>
    public static ExpressionResult Fail(string error) => new(default, error);
}
