using Crm.Bpm.Dmn.Drg;

namespace Crm.Bpm.Dmn.Tables;

/// <summary>One output column: its name, type, allowed values (whose order ranks PRIORITY and OUTPUT ORDER) and default (DMN 1.5 §8.3.3).</summary>
public sealed record OutputClause : DmnElement
{
    /// <summary>The component name in the result context of a multi-output table.</summary>
    public string? Name { get; init; }

    public string? TypeRef { get; init; }

    /// <summary>Unary tests listing the allowed output values, as FEEL text (<c>outputValues</c>).</summary>
    public string? OutputValues { get; init; }

    /// <summary>FEEL text of the value used when no rule matches (<c>defaultOutputEntry</c>).</summary>
    public string? DefaultOutputEntry { get; init; }
}
