namespace Crm.Bpm.Persistence.Entities.Tables;

/// <summary>One version of an entity schema in <c>crm_schemas</c>.</summary>
public sealed class SchemaRow
{
    public string Entity { get; set; } = "";

    public int Version { get; set; }

    public string Document { get; set; } = "";

    public DateTime RegisteredOn { get; set; }
}
