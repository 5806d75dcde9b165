using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Expressions;
using Crm.Bpm.Engine.Runtime.Variables;

namespace Crm.Bpm.Engine.Runtime.Compilation;

/// <summary>A model attribute that is either static text or a FEEL expression (written <c>=expr</c>, as in Camunda 8).</summary>
public sealed class ValueSource
{
    private readonly JsonElement _static;

    /// <summary>A static text value.</summary>
    public ValueSource(string text)
    {
        Text = text;
        _static = JsonValues.String(text);
    }

    /// <summary>An expression value.</summary>
    public ValueSource(CompiledExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        Expression = expression;
        Text = expression.ToString();
    }

    /// <summary>The attribute as written.</summary>
    public string Text { get; }

    /// <summary>The compiled expression, or null for static text.</summary>
    public CompiledExpression? Expression { get; }

    /// <summary>Evaluates the expression, or returns the static text as a JSON string.</summary>
    public ExpressionResult Evaluate(IVariableLookup variables) =>
        Expression is null ? ExpressionResult.Of(_static) : Expression.Evaluate(variables);

    /// <inheritdoc/>
    public override string ToString() => Text;
}
