using Crm.Bpm.Diagnostics;

namespace Crm.Bpm.Entities.Records;

/// <summary>The outcome of creating many records at once: all were stored, or none.</summary>
public sealed record BatchResult(RecordFailure Failure, IReadOnlyList<Guid> Ids, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Failure == RecordFailure.None;
}
