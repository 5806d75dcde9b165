using System.Text.Json.Nodes;

namespace Crm.Bpm.Entities.Schemas;

/// <summary>One field of an entity as the record service checks, stores and queries it.</summary>
public sealed record FieldDefinition
{
    public required string Name { get; init; }

    /// <summary>The label shown to users (<c>title</c>), the name when absent.</summary>
    public required string Title { get; init; }

    public required FieldType Type { get; init; }

    public FieldFormat Format { get; init; }

    public bool Required { get; init; }

    /// <summary>The value a new record gets when the field is not given (<c>default</c>), or null.</summary>
    public JsonNode? Default { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public decimal? Minimum { get; init; }

    public decimal? Maximum { get; init; }

    public string? Pattern { get; init; }

    /// <summary>The target entity of a lookup field, or null.</summary>
    public LookupReference? Lookup { get; init; }

    /// <summary>The choices of a lookup list field; empty for other fields.</summary>
    public IReadOnlyList<LookupListItem> ListItems { get; init; } = [];

    /// <summary>Whether the field has an index of its own (<c>x-crm-indexed</c>).</summary>
    public bool Indexed { get; init; }

    /// <summary>Whether its changes are written to the change log.</summary>
    public bool Logged { get; init; }

    /// <summary>Whether the value is computed by the system (never written by users).</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Whether the field's values are numbers in storage (integer, number, money).</summary>
    public bool IsNumeric => Type is FieldType.Integer or FieldType.Number;
}
