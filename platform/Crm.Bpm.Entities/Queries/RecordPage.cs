using Crm.Bpm.Entities.Records;

namespace Crm.Bpm.Entities.Queries;

/// <summary>One page of query results and the cursor that continues after its last record (null on the last page).</summary>
public sealed record RecordPage(IReadOnlyList<Record> Records, string? NextCursor);
