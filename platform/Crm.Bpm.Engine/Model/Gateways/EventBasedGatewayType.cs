namespace Crm.Bpm.Engine.Model.Gateways;

/// <summary>Whether an instantiating event-based gateway starts one instance per event or waits for all (BPMN 2.0.2 §10.6.6).</summary>
public enum EventBasedGatewayType
{
    Exclusive,
    Parallel,
}
