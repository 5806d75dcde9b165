namespace Crm.Bpm.Entities.Schemas;

/// <summary>A field that refers to a record of another entity, and what happens to it when that record is deleted.</summary>
public sealed record LookupReference(string Entity, DeleteBehavior OnDelete);
