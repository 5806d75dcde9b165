namespace Crm.Bpm.Engine.Runtime.Expressions;

/// <summary>An expression compiled once at deployment and evaluated against an element's variables at run time.</summary>
public abstract class CompiledExpression
{
    /// <summary>Creates the expression with its source text (without the leading <c>=</c>).</summary>
    protected CompiledExpression(string text)
    {
        Text = text;
    }

    /// <summary>The source text without the leading <c>=</c>.</summary>
    public string Text { get; }

    /// <summary>Evaluates the expression; never throws for a failing expression, it returns the reason instead.</summary>
    public abstract ExpressionResult Evaluate(IVariableLookup variables);

    /// <inheritdoc/>
    public override string ToString() => "=" + Text;
}
