namespace Crm.Bpm.Engine.Model.Gateways;

/// <summary>An <c>eventBasedGateway</c>: continues on whichever following catch event happens first.</summary>
public sealed record EventBasedGateway : Gateway
{
    public bool Instantiate { get; init; }

    public EventBasedGatewayType EventGatewayType { get; init; } = EventBasedGatewayType.Exclusive;

    public override string ElementName => "eventBasedGateway";
}
