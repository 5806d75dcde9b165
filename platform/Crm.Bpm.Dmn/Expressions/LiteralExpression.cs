namespace Crm.Bpm.Dmn.Expressions;

/// <summary>A FEEL expression written as text (DMN 1.5 §7.3.3).</summary>
public sealed record LiteralExpression : DmnExpression
{
    /// <summary>The FEEL text; empty when the file leaves it blank.</summary>
    public string Text { get; init; } = "";

    /// <summary>The expression language URI when it differs from the model's.</summary>
    public string? ExpressionLanguage { get; init; }
}
