namespace Crm.Bpm.Entities.Queries;

/// <summary>A checked filter with its values converted to the field's storage type (string, decimal, bool or DateTime).</summary>
public sealed record PlannedFilter(PlannedField Field, FilterOperator Operator, IReadOnlyList<object?> Values);
