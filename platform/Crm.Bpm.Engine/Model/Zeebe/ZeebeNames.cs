using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary>The Camunda 8 (<c>zeebe:</c>) extension namespace.</summary>
public static class ZeebeNames
{
    /// <summary>The <c>zeebe:</c> namespace, <c>http://camunda.org/schema/zeebe/1.0</c>.</summary>
    public static readonly XNamespace Namespace = BpmnNamespaces.Zeebe;
}
