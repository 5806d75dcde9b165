namespace Crm.Bpm.Persistence.Engine.Tables;

/// <summary>The single row of <c>bpm_schema_info</c>: which schema version of Crm.Bpm last migrated the database.</summary>
public sealed class SchemaInfoRow
{
    public int Id { get; set; }

    public int SchemaVersion { get; set; }

    /// <summary>The Crm.Bpm version that wrote the row.</summary>
    public string ProductVersion { get; set; } = "";
}
