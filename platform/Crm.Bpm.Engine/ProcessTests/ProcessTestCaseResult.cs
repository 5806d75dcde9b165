namespace Crm.Bpm.Engine.ProcessTests;

/// <summary>The outcome of one case: passed when nothing failed.</summary>
/// <param name="Name">The case's name.</param>
/// <param name="Line">The line where the case starts.</param>
/// <param name="Failures">Every expectation that did not hold and every step that could not run, in order.</param>
public sealed record ProcessTestCaseResult(string Name, int Line, IReadOnlyList<ProcessTestFailure> Failures)
{
    public bool Passed => Failures.Count == 0;
}
