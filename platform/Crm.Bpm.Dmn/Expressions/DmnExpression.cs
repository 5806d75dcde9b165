using Crm.Bpm.Dmn.Drg;

namespace Crm.Bpm.Dmn.Expressions;

/// <summary>A boxed expression: decision logic in one of DMN's tabular or textual forms (DMN 1.5 §7.2).</summary>
public abstract record DmnExpression : DmnElement
{
    /// <summary>The declared type of the expression's value, when given.</summary>
    public string? TypeRef { get; init; }
}
