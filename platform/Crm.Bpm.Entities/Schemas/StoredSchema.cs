namespace Crm.Bpm.Entities.Schemas;

/// <summary>One registered version of an entity's schema document.</summary>
public sealed record StoredSchema(string Entity, int Version, string Document, DateTime RegisteredOn);
