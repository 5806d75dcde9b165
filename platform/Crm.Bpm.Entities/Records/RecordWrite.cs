namespace Crm.Bpm.Entities.Records;

/// <summary>One record written by a unit of work: the record after the change (before it for a delete) and the version the change expects to find.</summary>
/// <remarks>
/// <para><c>ExpectedVersion</c>: The stored version the update or delete replaces; 0 for a create.</para>
/// <para><c>SearchText</c>: The normalised text that text search looks in (display and search fields).</para>
/// <para><c>DuplicateKeys</c>: The record's normalised keys per duplicate rule, replacing the stored ones.</para>
/// </remarks>
public sealed record RecordWrite(
    RecordChangeKind Kind,
    Record Record,
    long ExpectedVersion,
    string? DisplayText,
    string? SearchText,
    IReadOnlyList<DuplicateKey> DuplicateKeys);
