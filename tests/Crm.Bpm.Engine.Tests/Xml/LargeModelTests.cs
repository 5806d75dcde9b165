using System.Globalization;
using System.Text;
using Crm.Bpm.Engine.Model.Activities;
using Crm.Bpm.Engine.Model.Processes;
using Crm.Bpm.Engine.Xml;

namespace Crm.Bpm.Engine.Tests.Xml;

/// <summary>Large generated models parse in one linear pass (no quadratic lookups), with every element and its position.</summary>
public sealed class LargeModelTests
{
    /// <summary>A process with <paramref name="tasks"/> service tasks in a chain, each with a Zeebe task definition and a diagram shape and edge.</summary>
    internal static byte[] ChainModel(int tasks)
    {
        var semantic = new StringBuilder();
        var diagram = new StringBuilder();
        semantic.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\" xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\" xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\" id=\"Big\" targetNamespace=\"http://bpmn.io/schema/bpmn\">\n");
        semantic.Append("  <bpmn:process id=\"Chain\" isExecutable=\"true\">\n    <bpmn:startEvent id=\"Start\"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>\n");
        for (var i = 1; i <= tasks; i++)
        {
            semantic.Append(CultureInfo.InvariantCulture, $"    <bpmn:serviceTask id=\"T{i}\" name=\"Task {i}\">\n      <bpmn:extensionElements><zeebe:taskDefinition type=\"job-{i % 7}\" retries=\"3\" /></bpmn:extensionElements>\n      <bpmn:incoming>F{i - 1}</bpmn:incoming>\n      <bpmn:outgoing>F{i}</bpmn:outgoing>\n    </bpmn:serviceTask>\n");
            semantic.Append(CultureInfo.InvariantCulture, $"    <bpmn:sequenceFlow id=\"F{i - 1}\" sourceRef=\"{(i == 1 ? "Start" : $"T{i - 1}")}\" targetRef=\"T{i}\" />\n");
            diagram.Append(CultureInfo.InvariantCulture, $"      <bpmndi:BPMNShape id=\"T{i}_di\" bpmnElement=\"T{i}\"><dc:Bounds x=\"{i * 150}\" y=\"80\" width=\"100\" height=\"80\" /></bpmndi:BPMNShape>\n");
            diagram.Append(CultureInfo.InvariantCulture, $"      <bpmndi:BPMNEdge id=\"F{i - 1}_di\" bpmnElement=\"F{i - 1}\"><di:waypoint x=\"{(i * 150) - 50}\" y=\"120\" /><di:waypoint x=\"{i * 150}\" y=\"120\" /></bpmndi:BPMNEdge>\n");
        }

        semantic.Append(CultureInfo.InvariantCulture, $"    <bpmn:endEvent id=\"End\"><bpmn:incoming>F{tasks}</bpmn:incoming></bpmn:endEvent>\n    <bpmn:sequenceFlow id=\"F{tasks}\" sourceRef=\"T{tasks}\" targetRef=\"End\" />\n  </bpmn:process>\n");
        semantic.Append("  <bpmndi:BPMNDiagram id=\"D\">\n    <bpmndi:BPMNPlane id=\"Plane\" bpmnElement=\"Chain\">\n").Append(diagram).Append("    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</bpmn:definitions>\n");
        return Encoding.UTF8.GetBytes(semantic.ToString());
    }

    [Fact]
    public void FiftyMegabyteModel_ParsesCompletely_WithLookupsForTheLastElement()
    {
        var bytes = ChainModel(84_000);
        bytes.Length.Should().BeGreaterThan(50 * 1024 * 1024);

        using var stream = new MemoryStream(bytes);
        var result = BpmnParser.Parse(stream, "generated-50mb.bpmn");

        result.Diagnostics.Should().BeEmpty();
        var model = result.Definitions!;
        var process = model.Processes.Single();
        process.FlowElements.OfType<ServiceTask>().Should().HaveCount(84_000);
        process.FlowElements.OfType<SequenceFlow>().Should().HaveCount(84_001);
        model.Index.IncomingFlows("End").Single().SourceRef.Should().Be("T84000");
        model.Index.DiagramElementsOf("T84000").Should().ContainSingle();
        model.Index.Find("T84000")!.Position.Line.Should().Be((6 * 84_000) - 1, "each task and its flow take six lines after the three header lines");
    }

    [Fact]
    public void FiveThousandNodeModel_ParsesWithEveryNodeInItsScope()
    {
        var result = BpmnParser.Parse(new MemoryStream(ChainModel(5_000)));

        result.Diagnostics.Should().BeEmpty();
        var model = result.Definitions!;
        model.Index.AllElements.OfType<FlowNode>().Should().HaveCount(5_002);
        model.Index.ContainerOf("T2500").Should().BeSameAs(model.Processes.Single());
        model.Index.OutgoingFlows("T4999").Single().TargetRef.Should().Be("T5000");
    }
}
