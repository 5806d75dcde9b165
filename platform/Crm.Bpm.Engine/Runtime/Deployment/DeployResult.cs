using Crm.Bpm.Diagnostics;

namespace Crm.Bpm.Engine.Runtime.Deployment;

/// <summary>The outcome of deploying a BPMN resource: the deployed processes, or the diagnostics that refused it.</summary>
/// <param name="Processes">The deployed processes; empty when refused.</param>
/// <param name="Diagnostics">Problems found in the resource; any error means nothing was deployed.</param>
public sealed record DeployResult(IReadOnlyList<DeployedProcess> Processes, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether the resource was deployed.</summary>
    public bool Succeeded => Processes.Count > 0 && !Diagnostics.Any(d => d.IsError);
}
