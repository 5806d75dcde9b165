using Crm.Bpm.Dmn.Drg;

namespace Crm.Bpm.Dmn.Types;

/// <summary>The signature of a function type: typed parameters and an output type (DMN 1.5 §7.3.5).</summary>
public sealed record FunctionItem : DmnElement
{
    public IReadOnlyList<InformationItem> Parameters { get; init; } = [];

    public string? OutputTypeRef { get; init; }
}
