namespace Crm.Bpm.Entities.Access;

/// <summary>The access a role has to one field; with a null role, the access of users none of whose roles is listed.</summary>
public sealed record FieldRight(string Entity, string Field, string? Role, FieldAccess Access);
