namespace Crm.Bpm.Dmn.Tck;

/// <summary>The result column of the TCK's <c>tck_results.csv</c>.</summary>
public enum TckOutcome
{
    /// <summary>Every result node matched (<c>SUCCESS</c>).</summary>
    Success,

    /// <summary>A result node did not match, or the model could not be evaluated (<c>ERROR</c>, as the TCK writes failures).</summary>
    Error,

    /// <summary>The case was not run (<c>IGNORED</c>).</summary>
    Ignored,
}
