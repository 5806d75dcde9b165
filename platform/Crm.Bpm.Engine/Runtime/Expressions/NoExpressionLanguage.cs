namespace Crm.Bpm.Engine.Runtime.Expressions;

/// <summary>An expression language that compiles nothing, for engines that run only processes without expressions.</summary>
public sealed class NoExpressionLanguage : IExpressionLanguage
{
    public static NoExpressionLanguage Instance { get; } = new();

    /// <inheritdoc/>
    public ExpressionCompilation Compile(string text) =>
        new(null, "this engine was created without an expression language; pass a FEEL language in EngineOptions.");
}
