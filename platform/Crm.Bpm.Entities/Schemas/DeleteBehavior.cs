namespace Crm.Bpm.Entities.Schemas;

/// <summary>What happens to records that look up a record being deleted (<c>x-crm-lookup.onDelete</c>).</summary>
public enum DeleteBehavior
{
    /// <summary>The delete is refused while any record refers to it.</summary>
    Restrict,

    /// <summary>The referring records are deleted too.</summary>
    Cascade,

    /// <summary>The referring records keep living with the lookup emptied.</summary>
    Clear,
}
