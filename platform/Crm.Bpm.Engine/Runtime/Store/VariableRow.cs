namespace Crm.Bpm.Engine.Runtime.Store;

/// <summary>One variable of one scope of a process instance.</summary>
/// <param name="ProcessInstanceKey">The instance.</param>
/// <param name="ScopeKey">The element instance holding the variable, or the process instance key for process variables.</param>
/// <param name="Name">The variable's name.</param>
/// <param name="Value">The value as JSON text.</param>
public sealed record VariableRow(long ProcessInstanceKey, long ScopeKey, string Name, string Value);
