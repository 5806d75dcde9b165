using Crm.Bpm.Dmn.Drg;

namespace Crm.Bpm.Dmn.Types;

/// <summary>A named data type: a constrained base type, a structure of components, a collection or a function type (DMN 1.5 §7.3.2).</summary>
public sealed record ItemDefinition : DmnElement
{
    public required string Name { get; init; }

    /// <summary>The base type (a FEEL type or another item definition), or null for a structure or function type.</summary>
    public string? TypeRef { get; init; }

    /// <summary>Unary tests a value must satisfy, as FEEL text (<c>allowedValues</c>).</summary>
    public string? AllowedValues { get; init; }

    /// <summary>Unary tests each element of a collection must satisfy (<c>typeConstraint</c>, DMN 1.5).</summary>
    public string? TypeConstraint { get; init; }

    /// <summary>The components of a structured type, each itself an item definition.</summary>
    public IReadOnlyList<ItemDefinition> ItemComponents { get; init; } = [];

    /// <summary>Whether a value of this type is a list of the described element type.</summary>
    public bool IsCollection { get; init; }

    /// <summary>The signature when this is a function type.</summary>
    public FunctionItem? FunctionItem { get; init; }
}
