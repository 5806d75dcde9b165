namespace Crm.Bpm.Engine.DmnDecisions;

/// <summary>The codes of findings about deploying DMN files for business rule tasks.</summary>
public static class DmnDecisionCodes
{
    /// <summary>The DMN file could not be read.</summary>
    public const string Unreadable = "DMNDEP001";
}
