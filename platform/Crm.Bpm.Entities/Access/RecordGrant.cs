namespace Crm.Bpm.Entities.Access;

/// <summary>An explicit right on one record for a user (grantee is the user id) or a role (grantee is the role name).</summary>
public sealed record RecordGrant(Guid RecordId, string Entity, GranteeKind Kind, string Grantee, bool Read, bool Update, bool Delete);
