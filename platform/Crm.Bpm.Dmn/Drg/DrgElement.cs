using Crm.Bpm.Dmn.Types;

namespace Crm.Bpm.Dmn.Drg;

/// <summary>A node of the decision requirements graph: a decision, input data, business knowledge model or decision service.</summary>
public abstract record DrgElement : DmnElement
{
    /// <summary>The element's name, which is also the FEEL variable name other elements use for it.</summary>
    public required string Name { get; init; }

    /// <summary>The variable that holds the element's value, with its declared type.</summary>
    public InformationItem? Variable { get; init; }

    /// <summary>The type reference of the element's variable, or null when undeclared.</summary>
    public string? TypeRef => Variable?.TypeRef;
}
