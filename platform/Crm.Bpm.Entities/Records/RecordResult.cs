using Crm.Bpm.Diagnostics;
using Crm.Bpm.Entities.Duplicates;

namespace Crm.Bpm.Entities.Records;

/// <summary>The outcome of a record command: the record as the user may see it, or why nothing was stored.</summary>
public sealed record RecordResult
{
    public Record? Record { get; init; }

    public RecordFailure Failure { get; init; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Stored records matching a warning duplicate rule (the save went through).</summary>
    public IReadOnlyList<DuplicateMatch> Duplicates { get; init; } = [];

    public bool Succeeded => Failure == RecordFailure.None;

    public static RecordResult Fail(RecordFailure failure, params Diagnostic[] diagnostics) => new() { Failure = failure, Diagnostics = diagnostics };
}
