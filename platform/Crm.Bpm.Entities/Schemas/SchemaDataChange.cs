using System.Text.Json.Nodes;

namespace Crm.Bpm.Entities.Schemas;

/// <summary>A change to stored records that a new schema version brings: fill a field's default where it is empty, or rename a field.</summary>
/// <param name="Field">The field filled, or the old name of a renamed field.</param>
/// <param name="Default">The value written into records without one, for a fill.</param>
/// <param name="NewName">The new name, for a rename.</param>
public sealed record SchemaDataChange(string Field, JsonNode? Default, string? NewName);
