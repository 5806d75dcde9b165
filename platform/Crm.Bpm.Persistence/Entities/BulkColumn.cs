namespace Crm.Bpm.Persistence.Entities;

/// <summary>A column a bulk write fills: its name, and whether its text value is a JSON document (<c>jsonb</c> on PostgreSQL).</summary>
public readonly record struct BulkColumn(string Name, bool Json = false);
