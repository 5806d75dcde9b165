namespace Crm.Bpm.Engine.Runtime.Compilation;

/// <summary>The diagnostic codes the process compiler reports (ENG0xx).</summary>
public static class CompileDiagnosticCodes
{
    /// <summary>An element the engine cannot execute.</summary>
    public const string Unsupported = "ENG001";

    /// <summary>An expression that does not compile.</summary>
    public const string BadExpression = "ENG002";

    /// <summary>A reference (flow end, message, error, attached activity...) that names nothing.</summary>
    public const string DanglingReference = "ENG003";

    /// <summary>A required value is missing (message name, timer value, link name...).</summary>
    public const string MissingValue = "ENG004";

    /// <summary>The file has no executable process.</summary>
    public const string NoProcess = "ENG005";

    /// <summary>A scope has more than one none start event.</summary>
    public const string AmbiguousStart = "ENG006";

    /// <summary>The file could not be read or parsed.</summary>
    public const string Unreadable = "ENG007";

    /// <summary>The store did not take the deployment (a concurrent deployment, or the store unreachable); nothing was deployed.</summary>
    public const string StoreRefused = "ENG008";
}
