namespace Crm.Bpm.Engine.Runtime.Commands;

/// <summary>Resolves an incident and retries what failed: a job gets a retry, an expression or condition is evaluated again.</summary>
/// <param name="IncidentKey">The incident's key.</param>
public sealed record ResolveIncident(long IncidentKey) : EngineCommand
{
    /// <summary>For a job incident: the retries to give the job (at least 1).</summary>
    public int JobRetries { get; init; } = 1;
}
