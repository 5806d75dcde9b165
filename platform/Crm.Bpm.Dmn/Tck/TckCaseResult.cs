namespace Crm.Bpm.Dmn.Tck;

/// <summary>One row of <c>tck_results.csv</c>: which test case ran and how it went.</summary>
/// <param name="TestDirectory">The case folder relative to the TCK root, e.g. <c>compliance-level-2/0001-input-data-string</c>.</param>
/// <param name="TestFile">The test file name without extension, e.g. <c>0001-input-data-string-test-01</c>.</param>
/// <param name="TestCaseId">The <c>id</c> of the test case.</param>
/// <param name="Outcome">Whether every result node matched.</param>
/// <param name="Detail">Why it failed, empty on success.</param>
public sealed record TckCaseResult(string TestDirectory, string TestFile, string TestCaseId, TckOutcome Outcome, string Detail)
{
    /// <summary>Whether the case passed.</summary>
    public bool Passed => Outcome == TckOutcome.Success;
}
