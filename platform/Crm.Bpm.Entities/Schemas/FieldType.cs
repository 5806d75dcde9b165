namespace Crm.Bpm.Entities.Schemas;

/// <summary>The kind of value a field holds, derived from its JSON Schema type and format.</summary>
public enum FieldType
{
    Text,
    Integer,
    Number,
    Boolean,
    Date,
    DateTime,
    Lookup,
    List,
}
