using Crm.Bpm.Dmn.Drg;

namespace Crm.Bpm.Dmn.Types;

/// <summary>A named, typed variable: a DRG element's variable, a parameter or a context entry (DMN 1.5 §7.3.4).</summary>
public sealed record InformationItem : DmnElement
{
    public required string Name { get; init; }

    /// <summary>The type's name (a FEEL type or an item definition), or null when undeclared.</summary>
    public string? TypeRef { get; init; }
}
