namespace Crm.Bpm.Engine.Runtime.Store;

/// <summary>What one command changed in an instance's rows: the new instance row and only the element and variable rows that were added, changed or removed.</summary>
public sealed record InstanceRowDiff
{
    public required InstanceRow Instance { get; init; }

    public IReadOnlyList<ElementRow> AddedElements { get; init; } = [];

    public IReadOnlyList<ElementRow> ChangedElements { get; init; } = [];

    /// <summary>The rows as they were before, for the keys to delete.</summary>
    public IReadOnlyList<ElementRow> RemovedElements { get; init; } = [];

    public IReadOnlyList<VariableRow> AddedVariables { get; init; } = [];

    public IReadOnlyList<VariableRow> ChangedVariables { get; init; } = [];

    /// <summary>The rows as they were before, for the (scope, name) pairs to delete.</summary>
    public IReadOnlyList<VariableRow> RemovedVariables { get; init; } = [];

    /// <summary>Whether nothing but the instance row changed.</summary>
    public bool OnlyInstance => AddedElements.Count == 0 && ChangedElements.Count == 0 && RemovedElements.Count == 0
        && AddedVariables.Count == 0 && ChangedVariables.Count == 0 && RemovedVariables.Count == 0;
}
