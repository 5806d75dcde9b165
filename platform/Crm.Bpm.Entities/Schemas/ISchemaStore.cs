namespace Crm.Bpm.Entities.Schemas;

/// <summary>Where schema versions are kept, and the record counts and data changes that schema changes need.</summary>
public interface ISchemaStore
{
    /// <summary>The newest version of every entity's schema.</summary>
    IReadOnlyList<StoredSchema> Latest();

    /// <summary>Every version of one entity's schema, oldest first.</summary>
    IReadOnlyList<StoredSchema> Versions(string entity);

    /// <summary>Stores a new version, applies its data changes and creates its indexes, in one transaction where the database allows.</summary>
    void Save(StoredSchema schema, EntitySchema parsed, IReadOnlyList<SchemaDataChange> dataChanges);

    /// <summary>How many records of the entity there are; with a field, how many hold a value in it (or hold none, when <paramref name="withValue"/> is false).</summary>
    long CountRecords(string entity, string? field = null, bool withValue = true);

    /// <summary>How many records of the entity hold a value in <paramref name="field"/> that is not one of <paramref name="allowed"/>.</summary>
    long CountValuesOutside(string entity, string field, IReadOnlyCollection<string> allowed);
}
