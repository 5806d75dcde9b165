namespace Crm.Bpm.Engine.Runtime.Expressions;

/// <summary>The outcome of compiling one expression: the compiled form, or the message saying what is wrong.</summary>
/// <param name="Expression">The compiled expression, or null when <paramref name="Error"/> is set.</param>
/// <param name="Error">What is wrong with the text, or null.</param>
public sealed record ExpressionCompilation(CompiledExpression? Expression, string? Error);
