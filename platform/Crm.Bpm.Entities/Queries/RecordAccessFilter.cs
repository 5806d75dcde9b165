namespace Crm.Bpm.Entities.Queries;

/// <summary>Limits a query to the records a user may read under record rights: owned, or granted to them or one of their roles.</summary>
public sealed record RecordAccessFilter(Guid UserId, IReadOnlyList<string> Roles);
