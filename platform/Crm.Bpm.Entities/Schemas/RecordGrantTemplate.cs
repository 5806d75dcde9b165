namespace Crm.Bpm.Entities.Schemas;

/// <summary>A record right every new record of the entity gets for a role (<c>x-crm-recordRights.defaultGrants</c>).</summary>
public sealed record RecordGrantTemplate(string Role, bool Read, bool Update, bool Delete);
