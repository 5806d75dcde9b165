namespace Crm.Bpm.Entities.Schemas;

/// <summary>One field of an index and its direction.</summary>
public sealed record IndexedField(string Field, bool Descending);
