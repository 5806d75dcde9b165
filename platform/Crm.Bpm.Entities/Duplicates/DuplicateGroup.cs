namespace Crm.Bpm.Entities.Duplicates;

/// <summary>Records that are duplicates of one another under one rule, sharing one normalised key.</summary>
public sealed record DuplicateGroup(string Rule, string Key, IReadOnlyList<Guid> RecordIds);
