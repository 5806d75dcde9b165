namespace Crm.Bpm.Feel.Evaluation;

/// <summary>The diagnostic codes of FEEL syntax errors and evaluation warnings.</summary>
public static class FeelWarningCodes
{
    /// <summary>The text is not valid FEEL (a syntax error).</summary>
    public const string Syntax = "FEEL001";

    /// <summary>A name is not known in scope.</summary>
    public const string UnknownName = "FEEL101";

    /// <summary>An operator was applied to operands of types it does not accept.</summary>
    public const string InvalidOperands = "FEEL102";

    /// <summary>A function call failed: unknown function, wrong arguments, or the function itself failed.</summary>
    public const string InvocationFailed = "FEEL103";

    /// <summary>A number, date or duration left its range, or a division by zero.</summary>
    public const string OutOfRange = "FEEL104";

    /// <summary>A built-in function rejected its arguments.</summary>
    public const string InvalidArgument = "FEEL105";

    /// <summary>A path, filter or index did not apply to the value.</summary>
    public const string InvalidAccess = "FEEL106";
}
