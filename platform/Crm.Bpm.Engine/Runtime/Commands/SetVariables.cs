namespace Crm.Bpm.Engine.Runtime.Commands;

/// <summary>Sets variables on a scope of an active instance: locally on that scope, or propagated like a job's variables.</summary>
/// <param name="ScopeKey">A process instance key or an element instance key.</param>
public sealed record SetVariables(long ScopeKey) : EngineCommand
{
    /// <summary>Whether to set the variables on the scope itself rather than where they already exist.</summary>
    public bool Local { get; init; }
}
