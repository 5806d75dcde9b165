using Crm.Bpm.Dmn.Types;

namespace Crm.Bpm.Dmn.Expressions;

/// <summary>A boxed function: parameters and a body expression (DMN 1.5 §10.2.1.6).</summary>
public sealed record FunctionDefinition : DmnExpression
{
    public FunctionKind Kind { get; init; } = FunctionKind.Feel;

    public IReadOnlyList<InformationItem> FormalParameters { get; init; } = [];

    public DmnExpression? Body { get; init; }
}
