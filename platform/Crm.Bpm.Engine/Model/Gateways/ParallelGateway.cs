namespace Crm.Bpm.Engine.Model.Gateways;

/// <summary>A <c>parallelGateway</c>: forks to all outgoing flows, joins by waiting for all incoming ones.</summary>
public sealed record ParallelGateway : Gateway
{
    public override string ElementName => "parallelGateway";
}
