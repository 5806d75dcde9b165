using Crm.Bpm.Entities.Schemas;

namespace Crm.Bpm.Entities.Queries;

/// <summary>A checked field path of a query: a system column or a JSON field, of the record itself or of the record a lookup refers to.</summary>
/// <remarks>
/// <para><c>Path</c>: The path as written (<c>account.name</c>).</para>
/// <para><c>Lookup</c>: The lookup field whose record is joined, or null for the record's own field.</para>
/// <para><c>LookupEntity</c>: The entity the lookup refers to.</para>
/// <para><c>Column</c>: The system field name (<c>createdOn</c>) when the path ends in one, else null.</para>
/// <para><c>JsonField</c>: The schema field name when the path ends in one, else null.</para>
/// </remarks>
public sealed record PlannedField(string Path, string? Lookup, string? LookupEntity, string? Column, string? JsonField, FieldType Type);
