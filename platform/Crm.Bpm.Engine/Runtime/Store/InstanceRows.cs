namespace Crm.Bpm.Engine.Runtime.Store;

/// <summary>A process instance taken apart into the rows a database keeps: one instance row, one row per live element, one per variable.</summary>
/// <param name="Instance">The instance row.</param>
/// <param name="Elements">The live element instances except the root, parents before children.</param>
/// <param name="Variables">Every variable of every scope, the root's included.</param>
public sealed record InstanceRows(InstanceRow Instance, IReadOnlyList<ElementRow> Elements, IReadOnlyList<VariableRow> Variables);
