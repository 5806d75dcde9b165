using Crm.Bpm.Engine.Model.Processes;

namespace Crm.Bpm.Engine.Model.Gateways;

/// <summary>A node that splits or joins sequence flows (BPMN 2.0.2 §10.6).</summary>
public abstract record Gateway : FlowNode
{
    public GatewayDirection GatewayDirection { get; init; } = GatewayDirection.Unspecified;
}
