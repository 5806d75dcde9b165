namespace Crm.Bpm.Entities.Schemas;

/// <summary>A CRM presentation and checking rule on top of a field's type (<c>format</c> keyword).</summary>
public enum FieldFormat
{
    None,
    Money,
    Phone,
    Email,
    Url,
}
