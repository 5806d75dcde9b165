namespace Crm.Bpm.Dmn.Tck;

/// <summary>The results of running a TCK folder: one row per test case.</summary>
public sealed record TckRunReport(IReadOnlyList<TckCaseResult> Results)
{
    public int Passed => Results.Count(r => r.Passed);

    public int Failed => Results.Count(r => !r.Passed);

    /// <summary>The closing line: <c>N passed, N failed</c>.</summary>
    public string Summary => $"{Passed} passed, {Failed} failed";
}
