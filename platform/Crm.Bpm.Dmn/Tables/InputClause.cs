using Crm.Bpm.Dmn.Drg;
using Crm.Bpm.Dmn.Expressions;

namespace Crm.Bpm.Dmn.Tables;

/// <summary>One input column: the expression it tests and the values it allows (DMN 1.5 §8.3.2).</summary>
public sealed record InputClause : DmnElement
{
    public required LiteralExpression InputExpression { get; init; }

    /// <summary>Unary tests the input value must satisfy, as FEEL text (<c>inputValues</c>).</summary>
    public string? InputValues { get; init; }
}
