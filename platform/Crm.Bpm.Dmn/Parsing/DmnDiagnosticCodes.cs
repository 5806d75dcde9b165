namespace Crm.Bpm.Dmn.Parsing;

/// <summary>The stable codes of DMN diagnostics.</summary>
public static class DmnDiagnosticCodes
{
    /// <summary>The file is not well-formed XML.</summary>
    public const string NotXml = "DMN001";

    /// <summary>The file has a DOCTYPE, which is refused so that no entity is expanded.</summary>
    public const string DoctypeRefused = "DMN002";

    /// <summary>The root is not a <c>definitions</c> element in a DMN namespace.</summary>
    public const string UnknownNamespace = "DMN003";

    /// <summary>An <c>href</c> names no element of the model or of an import.</summary>
    public const string MissingReference = "DMN004";

    /// <summary>Two elements share an id.</summary>
    public const string DuplicateId = "DMN005";

    /// <summary>Two DRG elements or item definitions share a name.</summary>
    public const string DuplicateName = "DMN006";

    /// <summary>A function definition in a language other than FEEL.</summary>
    public const string UnsupportedFunctionKind = "DMN007";

    /// <summary>An element or attribute is missing or has a value DMN does not allow.</summary>
    public const string InvalidElement = "DMN008";

    /// <summary>A FEEL expression in the model does not compile.</summary>
    public const string FeelError = "DMN010";

    /// <summary>A type reference names no FEEL type or item definition.</summary>
    public const string UnknownType = "DMN011";

    /// <summary>A decision requires itself through its information requirements.</summary>
    public const string RequirementCycle = "DMN012";

    /// <summary>A value met at evaluation time broke a rule of the model (reported as a warning, the result is null).</summary>
    public const string EvaluationWarning = "DMN100";
}
