namespace Crm.Bpm.Persistence.Engine.Tables;

/// <summary>One variable of a scope (process instance or element instance), as stored in <c>bpm_variables</c>.</summary>
public sealed class ScopeVariableRow
{
    public long InstanceKey { get; set; }

    public long ScopeKey { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The value as JSON.</summary>
    public string Value { get; set; } = "";
}
