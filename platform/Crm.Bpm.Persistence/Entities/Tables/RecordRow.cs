namespace Crm.Bpm.Persistence.Entities.Tables;

/// <summary>A record in <c>crm_records</c>: system columns, and the field values as one JSON document.</summary>
public sealed class RecordRow
{
    public string Id { get; set; } = "";

    public string Entity { get; set; } = "";

    public long Version { get; set; }

    public string? OwnerId { get; set; }

    public DateTime CreatedOn { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime ModifiedOn { get; set; }

    public string? ModifiedBy { get; set; }

    /// <summary>The display field's value, shown for the record in lookups.</summary>
    public string? Display { get; set; }

    /// <summary>Lower-cased display and search field values, for text search.</summary>
    public string? Search { get; set; }

    public string Data { get; set; } = "{}";
}
