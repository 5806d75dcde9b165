namespace Crm.Bpm.Engine.Model.Gateways;

/// <summary>An <c>inclusiveGateway</c>: takes every outgoing flow whose condition holds, else the default.</summary>
public sealed record InclusiveGateway : Gateway
{
    /// <summary>The raw id of the default outgoing flow, or null.</summary>
    public string? DefaultRef { get; init; }

    public override string ElementName => "inclusiveGateway";
}
