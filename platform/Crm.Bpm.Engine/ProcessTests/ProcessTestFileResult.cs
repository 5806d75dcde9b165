using Crm.Bpm.Diagnostics;

namespace Crm.Bpm.Engine.ProcessTests;

/// <summary>The outcome of one process test file: why it could not be read, or the result of each case.</summary>
/// <param name="Path">The file.</param>
/// <param name="Diagnostics">The findings from reading the file; errors mean no case ran.</param>
/// <param name="Cases">The result of each case, in file order.</param>
public sealed record ProcessTestFileResult(string Path, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<ProcessTestCaseResult> Cases)
{
    /// <summary>Whether the file could not be read (it then counts as one failure).</summary>
    public bool Unreadable => Diagnostics.Any(d => d.IsError);

    public int PassedCount => Cases.Count(c => c.Passed);

    /// <summary>Failed cases, plus one when the file could not be read.</summary>
    public int FailedCount => Cases.Count(c => !c.Passed) + (Unreadable ? 1 : 0);
}
