namespace Crm.Bpm.Engine.Xml;

/// <summary>The diagnostic codes the BPMN parser reports (BPMN001-BPMN099; the validator uses BPMN100 and up).</summary>
public static class BpmnDiagnosticCodes
{
    /// <summary>The input is not well-formed XML, or ends before every element is closed (a truncated file).</summary>
    public const string NotWellFormed = "BPMN001";

    /// <summary>The input has a DOCTYPE; DTDs are refused (they can expand entities or read local files).</summary>
    public const string DoctypeRefused = "BPMN002";

    /// <summary>The root element is not a BPMN 2.0 <c>definitions</c> (BPMN 1.x, XPDL, a draft namespace, another format).</summary>
    public const string NotBpmn20 = "BPMN003";

    /// <summary>An element in the BPMN namespace that BPMN 2.0.2 does not define; it is kept verbatim.</summary>
    public const string UnknownElement = "BPMN004";

    /// <summary>A required attribute or child is missing (a sequence flow without <c>sourceRef</c>, a shape without bounds).</summary>
    public const string MissingRequired = "BPMN005";

    /// <summary>An attribute value has the wrong form (a boolean that is not true/false, a number that is not a number).</summary>
    public const string InvalidValue = "BPMN006";

    /// <summary>Two elements share one id.</summary>
    public const string DuplicateId = "BPMN007";

    /// <summary>The file cannot be read (missing, no permission) or the input is empty.</summary>
    public const string Unreadable = "BPMN008";

    /// <summary>A BPMN element stands where the schema does not allow it (a flow node directly under definitions); it is kept verbatim.</summary>
    public const string MisplacedElement = "BPMN009";

    /// <summary>The parser hit an internal fault; the file may still be fine. Report it with the file attached.</summary>
    public const string InternalError = "BPMN099";
}
