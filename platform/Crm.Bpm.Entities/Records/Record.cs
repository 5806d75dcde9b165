using System.Text.Json.Nodes;

namespace Crm.Bpm.Entities.Records;

/// <summary>One record of an entity: its field values and the system fields every record has.</summary>
public sealed record Record
{
    public required Guid Id { get; init; }

    public required string Entity { get; init; }

    /// <summary>Counts the record's saves, starting at 1; an update names the version it changes (optimistic concurrency).</summary>
    public required long Version { get; init; }

    /// <summary>The user responsible for the record (record rights), or null.</summary>
    public Guid? Owner { get; init; }

    public required DateTime CreatedOn { get; init; }

    public Guid? CreatedBy { get; init; }

    public required DateTime ModifiedOn { get; init; }

    public Guid? ModifiedBy { get; init; }

    /// <summary>The field values by field name; a lookup holds the referred record's id as a string.</summary>
    public required JsonObject Values { get; init; }

    /// <summary>The display values of the referred records of lookup fields, by field name (filled by queries and reads).</summary>
    public IReadOnlyDictionary<string, string?> LookupDisplay { get; init; } = new Dictionary<string, string?>();
}
