namespace Crm.Bpm.Entities.Schemas;

/// <summary>An index over one or more fields of an entity, in order, each ascending or descending.</summary>
public sealed record EntityIndex(string Name, IReadOnlyList<IndexedField> Fields);
