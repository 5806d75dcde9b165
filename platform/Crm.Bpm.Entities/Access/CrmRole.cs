namespace Crm.Bpm.Entities.Access;

/// <summary>A role (organisational or functional, as in Creatio) that users hold and rights are given to.</summary>
public sealed record CrmRole(string Name, string? Description = null);
