namespace Crm.Bpm.Engine.Model.Gateways;

/// <summary>The <c>gatewayDirection</c> constraint on incoming and outgoing flows (BPMN 2.0.2 §10.6).</summary>
public enum GatewayDirection
{
    Unspecified,
    Converging,
    Diverging,
    Mixed,
}
