namespace Crm.Bpm.Engine.ProcessTests;

/// <summary>The codes of findings about a process test file.</summary>
public static class ProcessTestDiagnosticCodes
{
    /// <summary>The file could not be read or is not YAML.</summary>
    public const string NotYaml = "PTEST001";

    /// <summary>A field or step that the format does not have.</summary>
    public const string UnknownField = "PTEST002";

    /// <summary>A required field is missing.</summary>
    public const string MissingField = "PTEST003";

    /// <summary>A value of the wrong shape: a list where a mapping belongs, text where a number belongs, a bad duration...</summary>
    public const string BadValue = "PTEST004";

    /// <summary>A resource that does not exist or is neither BPMN nor DMN.</summary>
    public const string BadResource = "PTEST005";

    /// <summary>Two cases with the same name.</summary>
    public const string DuplicateCase = "PTEST006";

    /// <summary>A resource failed to deploy.</summary>
    public const string DeployFailed = "PTEST007";
}
