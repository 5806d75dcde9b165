namespace Crm.Bpm.Entities.Schemas;

/// <summary>One choice of a lookup list (an enumeration with a label shown to users).</summary>
public sealed record LookupListItem(string Value, string Label);
