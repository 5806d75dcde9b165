namespace Crm.Bpm.Entities.Duplicates;

/// <summary>A stored record that matches under a duplicate rule.</summary>
public sealed record DuplicateMatch(string Rule, Guid RecordId, string? DisplayText);
