namespace Crm.Bpm.Entities.Queries;

/// <summary>A checked sort key.</summary>
public sealed record PlannedSort(PlannedField Field, bool Descending);
