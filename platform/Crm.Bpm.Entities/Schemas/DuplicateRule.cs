namespace Crm.Bpm.Entities.Schemas;

/// <summary>Two records are duplicates under this rule when all its fields match after normalisation (rules of an entity are alternatives).</summary>
public sealed record DuplicateRule(string Name, IReadOnlyList<string> Fields, DuplicateAction Action);
