using System.Xml.Linq;
using Crm.Bpm.Engine.Comparison;
using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Activities;
using Crm.Bpm.Engine.Model.Diagram;
using Crm.Bpm.Engine.Model.Processes;
using Crm.Bpm.Engine.Model.Zeebe;
using Crm.Bpm.Engine.Tests.Xml;

namespace Crm.Bpm.Engine.Tests.Model;

/// <summary>The round-trip comparer names the element and the value for every kind of change, and stays silent for equal models.</summary>
public sealed class BpmnComparerTests
{
    private static readonly BpmnDefinitions Orders = BpmnTestFiles.ParseClean(BpmnTestFiles.Zeebe("service-and-call.bpmn"));

    private static BpmnDefinitions ReplaceFlowElement(BpmnDefinitions model, string id, Func<FlowElement, FlowElement> change)
    {
        var process = model.Processes.Single();
        var changed = process with { FlowElements = process.FlowElements.Select(e => e.Id == id ? change(e) : e).ToList() };
        return model with { RootElements = model.RootElements.Select(r => ReferenceEquals(r, process) ? changed : r).ToList() };
    }

    [Fact]
    public void SameFileParsedTwice_HasNoDifference()
    {
        var again = BpmnTestFiles.ParseClean(BpmnTestFiles.Zeebe("service-and-call.bpmn"));

        BpmnComparer.Compare(Orders, again).Should().BeEmpty();
    }

    [Fact]
    public void RenamedTask_IsASemanticDifferenceNamingTheTaskAndBothNames()
    {
        var renamed = ReplaceFlowElement(Orders, "CheckStock", e => e with { Name = "Check inventory" });

        var difference = BpmnComparer.Compare(Orders, renamed).Should().ContainSingle().Subject;

        difference.Should().BeEquivalentTo(new { Kind = DifferenceKind.Semantic, ElementId = "CheckStock", Left = "Check stock", Right = "Check inventory" });
        difference.Path.Should().EndWith("serviceTask[CheckStock]/Name");
    }

    [Fact]
    public void ChangedZeebeRetries_IsReportedOnTheTask()
    {
        var changed = ReplaceFlowElement(Orders, "CheckStock", e => e with
        {
            ExtensionElements = e.ExtensionElements! with
            {
                Items = e.ExtensionElements.Items.Select(i => i is ZeebeTaskDefinition d ? d with { Retries = "9" } : i).ToList(),
            },
        });

        BpmnComparer.Compare(Orders, changed).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Kind = DifferenceKind.Semantic, ElementId = "CheckStock", Left = "5", Right = "9" });
    }

    [Fact]
    public void ChangedVerbatimExtension_IsReported_ButPrefixesAreNot()
    {
        var process = Orders.Processes.Single();
        var trigger = process.ExtensionElements!.Unknown.Single();
        var otherPrefix = new XElement(trigger.Element.Name, new XAttribute(XNamespace.Xmlns + "x", BpmnNamespaces.Crm), trigger.Element.Attributes().Where(a => !a.IsNamespaceDeclaration));
        var changedValue = new XElement(otherPrefix);
        changedValue.SetAttributeValue("on", "updated");

        BpmnDefinitions WithTrigger(XElement element) => Orders with
        {
            RootElements = Orders.RootElements.Select(r => r is Process p ? p with
            {
                ExtensionElements = p.ExtensionElements! with { Items = p.ExtensionElements.Items.Select(i => ReferenceEquals(i, trigger) ? new UnknownExtensionElement(element) : i).ToList() },
            } : r).ToList(),
        };

        BpmnComparer.Compare(Orders, WithTrigger(otherPrefix)).Should().BeEmpty("a different prefix for the same namespace means the same XML");
        BpmnComparer.Compare(Orders, WithTrigger(changedValue)).Should().ContainSingle().Which.Description.Should().Be("different verbatim XML");
    }

    [Fact]
    public void MovedShapeAndEdgePoint_AreDiagramDifferences()
    {
        var diagram = Orders.Diagrams.Single();
        var plane = diagram.Plane!;
        var moved = plane with
        {
            Elements = plane.Elements.Select(e => e switch
            {
                BpmnShape { Id: "CheckStock_di" } s => s with { Bounds = s.Bounds!.Value with { X = 245 } },
                BpmnEdge { Id: "Flow_Remind_di" } edge => edge with { Waypoints = [.. edge.Waypoints.Take(2)] },
                _ => e,
            }).ToList(),
        };
        var changed = Orders with { Diagrams = [diagram with { Plane = moved }] };

        var differences = BpmnComparer.Compare(Orders, changed);

        differences.Should().HaveCount(2).And.OnlyContain(d => d.Kind == DifferenceKind.Diagram);
        differences.Select(d => d.ElementId).Should().BeEquivalentTo("CheckStock_di", "Flow_Remind_di");
        differences.Single(d => d.ElementId == "CheckStock_di").Description.Should().Be("different values");
        differences.Single(d => d.ElementId == "Flow_Remind_di").Description.Should().Be("different number of items (3 vs 2)");
    }

    [Fact]
    public void RemovedFlowElement_IsReportedAsPresentOnlyInTheFirstModel()
    {
        var process = Orders.Processes.Single();
        var without = Orders with
        {
            RootElements = Orders.RootElements.Select(r => r is Process p ? p with { FlowElements = p.FlowElements.Where(e => e.Id != "Reminded").ToList() } : r).ToList(),
        };

        BpmnComparer.Compare(Orders, without).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { ElementId = "Reminded", Description = "present only in the first model", Right = (string?)null });
        process.FlowElements.Should().Contain(e => e.Id == "Reminded", "the original model is immutable and unchanged");
    }

    [Fact]
    public void ChangedLoopKind_IsADifferentElementType()
    {
        var changed = ReplaceFlowElement(Orders, "NotifyLines", e => ((Activity)e) with { LoopCharacteristics = new StandardLoopCharacteristics { TestBefore = true } });

        BpmnComparer.Compare(Orders, changed).Should().ContainSingle()
            .Which.Description.Should().Be("different element types (MultiInstanceLoopCharacteristics vs StandardLoopCharacteristics)");
    }
}
