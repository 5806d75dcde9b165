using Crm.Bpm.Diagnostics;
using Crm.Bpm.Entities.Queries;

namespace Crm.Bpm.Entities.Records;

/// <summary>A page of records, or why the query could not run.</summary>
public sealed record QueryResult(RecordPage? Page, RecordFailure Failure, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Failure == RecordFailure.None;
}
