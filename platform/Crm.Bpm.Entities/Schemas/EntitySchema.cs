namespace Crm.Bpm.Entities.Schemas;

/// <summary>A version of an entity's definition: its fields, display field, indexes, duplicate rules and rights settings.</summary>
public sealed record EntitySchema
{
    /// <summary>The entity's name, used in APIs and lookups (<c>x-crm-entity</c>, e.g. <c>Lead</c>).</summary>
    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>The field that names a record for users and in lookups.</summary>
    public required string DisplayField { get; init; }

    /// <summary>Fields searched by text search besides the display field (<c>x-crm-searchFields</c>).</summary>
    public IReadOnlyList<string> SearchFields { get; init; } = [];

    public required IReadOnlyList<FieldDefinition> Fields { get; init; }

    public IReadOnlyList<EntityIndex> Indexes { get; init; } = [];

    public IReadOnlyList<DuplicateRule> DuplicateRules { get; init; } = [];

    /// <summary>Whether record rights (owner, grants) restrict who sees and changes each record.</summary>
    public bool RecordRights { get; init; }

    public IReadOnlyList<RecordGrantTemplate> DefaultGrants { get; init; } = [];

    /// <summary>The registry version, 1 for the first registration.</summary>
    public int Version { get; init; }

    /// <summary>The JSON Schema document as registered.</summary>
    public required string Document { get; init; }

    /// <summary>The field of that name, or null.</summary>
    public FieldDefinition? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}
