namespace Crm.Bpm.Engine.Runtime.Compilation;

/// <summary>One <c>zeebe:input</c> or <c>zeebe:output</c>: the value of <see cref="Source"/> is written to the variable path <see cref="Target"/>.</summary>
/// <param name="Source">The FEEL source (or static value).</param>
/// <param name="Target">The target variable; a dotted path (<c>order.total</c>) writes into a nested object.</param>
/// <param name="TargetPath">The target split at its dots.</param>
public sealed record VariableMapping(ValueSource Source, string Target, string[] TargetPath);
