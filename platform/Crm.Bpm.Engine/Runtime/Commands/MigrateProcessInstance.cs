namespace Crm.Bpm.Engine.Runtime.Commands;

/// <summary>Moves a running instance to another version (or process) definition: each live element maps by <see cref="ElementMapping"/> or by the same id; its jobs, user tasks, timers and subscriptions move with it.</summary>
/// <param name="ProcessInstanceKey">The instance to migrate.</param>
/// <param name="TargetProcessDefinitionKey">The definition to move it to.</param>
public sealed record MigrateProcessInstance(long ProcessInstanceKey, long TargetProcessDefinitionKey) : EngineCommand
{
    /// <summary>Source element id to target element id, for elements whose id differs in the target.</summary>
    public IReadOnlyDictionary<string, string> ElementMapping { get; init; } = new Dictionary<string, string>(0);
}
