namespace Crm.Bpm.Engine.Model.Gateways;

/// <summary>An <c>exclusiveGateway</c>: takes the first outgoing flow whose condition holds, else the default.</summary>
public sealed record ExclusiveGateway : Gateway
{
    /// <summary>The raw id of the default outgoing flow, or null.</summary>
    public string? DefaultRef { get; init; }

    public override string ElementName => "exclusiveGateway";
}
