namespace Crm.Bpm.Entities.Queries;

/// <summary>One sort key of a query: a field path, ascending unless <paramref name="Descending"/>; empty values come first ascending and last descending.</summary>
public sealed record QuerySort(string Field, bool Descending = false);
