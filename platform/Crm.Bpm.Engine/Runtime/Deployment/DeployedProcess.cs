namespace Crm.Bpm.Engine.Runtime.Deployment;

/// <summary>One process of a deployment: its key and version, and whether the deployment created that version.</summary>
/// <param name="Key">The process definition key.</param>
/// <param name="BpmnProcessId">The process id from the model.</param>
/// <param name="Version">The version number.</param>
/// <param name="IsNewVersion">False when the same source was already deployed and that version is reused.</param>
public sealed record DeployedProcess(long Key, string BpmnProcessId, int Version, bool IsNewVersion);
