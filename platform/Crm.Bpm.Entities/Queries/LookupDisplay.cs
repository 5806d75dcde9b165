namespace Crm.Bpm.Entities.Queries;

/// <summary>A lookup field whose referred record's display value a query returns with each record.</summary>
public sealed record LookupDisplay(string Field, string Entity, string DisplayField);
