namespace Crm.Bpm.Engine.Model;

/// <summary>The XML namespaces of BPMN 2.0 files and the extensions this engine understands.</summary>
public static class BpmnNamespaces
{
    /// <summary>BPMN 2.0 semantic model (the <c>bpmn:</c> elements).</summary>
    public const string Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /// <summary>BPMN diagram interchange (the <c>bpmndi:</c> elements).</summary>
    public const string BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";

    /// <summary>Diagram Definition common elements (<c>dc:Bounds</c>, <c>dc:Font</c>).</summary>
    public const string Dc = "http://www.omg.org/spec/DD/20100524/DC";

    /// <summary>Diagram Definition interchange (<c>di:waypoint</c>, <c>di:extension</c>).</summary>
    public const string Di = "http://www.omg.org/spec/DD/20100524/DI";

    /// <summary>XML Schema instance (<c>xsi:type</c>).</summary>
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Camunda 8 extension elements and attributes.</summary>
    public const string Zeebe = "http://camunda.org/schema/zeebe/1.0";

    /// <summary>Camunda Modeler metadata such as <c>modeler:executionPlatform</c>.</summary>
    public const string Modeler = "http://camunda.org/schema/modeler/1.0";

    /// <summary>CRM-only extensions where Zeebe has nothing.</summary>
    public const string Crm = "urn:crm-bpm:1.0";
}
