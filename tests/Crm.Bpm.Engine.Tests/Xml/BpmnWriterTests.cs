using Crm.Bpm.Engine.Comparison;
using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Activities;
using Crm.Bpm.Engine.Model.Diagram;
using Crm.Bpm.Engine.Model.Events;
using Crm.Bpm.Engine.Model.Processes;
using Crm.Bpm.Engine.Model.Zeebe;
using Crm.Bpm.Engine.Xml;

namespace Crm.Bpm.Engine.Tests.Xml;

/// <summary>The writer produces Camunda Modeler-style XML for models built in code as well as parsed ones.</summary>
public sealed class BpmnWriterTests
{
    private static BpmnDefinitions BuiltInCode() => new()
    {
        Id = "Definitions_Code",
        TargetNamespace = "http://bpmn.io/schema/bpmn",
        RootElements =
        [
            new Process
            {
                Id = "Code",
                IsExecutable = true,
                FlowElements =
                [
                    new StartEvent { Id = "Start", OutgoingRefs = ["F1"] },
                    new ServiceTask
                    {
                        Id = "Work",
                        Name = "Do <work> & \"more\"",
                        IncomingRefs = ["F1"],
                        OutgoingRefs = ["F2"],
                        ExtensionElements = new ExtensionElements { Items = [new ZeebeTaskDefinition { Type = "work", Retries = "2" }] },
                    },
                    new EndEvent { Id = "End", IncomingRefs = ["F2"] },
                    new SequenceFlow { Id = "F1", SourceRef = "Start", TargetRef = "Work" },
                    new SequenceFlow { Id = "F2", SourceRef = "Work", TargetRef = "End", ConditionExpression = new Expression { Text = "=ok", XsiType = "bpmn:tFormalExpression" } },
                ],
            },
        ],
        Diagrams =
        [
            new BpmnDiagram
            {
                Id = "Diagram",
                Plane = new BpmnPlane
                {
                    Id = "Plane",
                    BpmnElement = "Code",
                    Elements =
                    [
                        new BpmnShape { Id = "Work_di", BpmnElement = "Work", Bounds = new Bounds(100, 80, 100, 80) },
                        new BpmnEdge { Id = "F1_di", BpmnElement = "F1", Waypoints = [new Waypoint(36, 120), new Waypoint(100, 120)] },
                    ],
                },
            },
        ],
    };

    [Fact]
    public void ModelBuiltInCode_IsWrittenWithStandardPrefixes_AndReadsBackEqual()
    {
        var model = BuiltInCode();

        var again = BpmnTestFiles.WriteAndReparse(model, out var xml);

        xml.Should().StartWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"")
            .And.Contain("xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\"")
            .And.Contain("<zeebe:taskDefinition type=\"work\" retries=\"2\" />")
            .And.Contain("name=\"Do &lt;work&gt; &amp; &quot;more&quot;\"")
            .And.Contain("<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">=ok</bpmn:conditionExpression>")
            .And.Contain("<dc:Bounds x=\"100\" y=\"80\" width=\"100\" height=\"80\" />");
        BpmnComparer.Compare(model, again).Should().BeEmpty();
        again.Index.OutgoingFlows("Work").Single().ConditionExpression!.FeelText.Should().Be("ok");
    }

    [Fact]
    public void DefaultValues_AreOmitted_AndNonDefaultsWritten()
    {
        var model = BuiltInCode() with
        {
            RootElements =
            [
                new Process
                {
                    Id = "Defaults",
                    FlowElements =
                    [
                        new BoundaryEvent { Id = "Interrupting", AttachedToRef = "Task" },
                        new BoundaryEvent { Id = "NonInterrupting", AttachedToRef = "Task", CancelActivity = false },
                        new BpmnTask { Id = "Task", StartQuantity = 2 },
                    ],
                },
            ],
            Diagrams = [],
        };

        var xml = BpmnWriter.WriteString(model);

        xml.Should().Contain("<bpmn:boundaryEvent id=\"Interrupting\" attachedToRef=\"Task\" />")
            .And.Contain("<bpmn:boundaryEvent id=\"NonInterrupting\" cancelActivity=\"false\" attachedToRef=\"Task\" />")
            .And.Contain("<bpmn:task id=\"Task\" startQuantity=\"2\" />")
            .And.NotContain("isExecutable");
    }

    [Fact]
    public void DefaultNamespaceSource_IsWrittenWithTheDefaultNamespaceAgain()
    {
        var model = BpmnTestFiles.ParseClean(BpmnTestFiles.Miwg("A.4.1"));

        var xml = BpmnWriter.WriteString(model);

        xml.Should().Contain("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"").And.Contain("<process ");
    }
}
