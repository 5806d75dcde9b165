using System.Globalization;
using System.Text;

namespace Crm.Bpm.Benchmarks.Bpmn;

/// <summary>Writes a large, valid, executable Camunda 8 process with diagram, for benchmarks: repeated blocks of an exclusive split with a condition and a default, a service task, a user task with a boundary timer, a join and a timer catch.</summary>
internal static class GeneratedProcess
{
    /// <summary>Flow nodes in one block: split, service task, user task, join, timer catch, boundary timer, boundary end.</summary>
    private const int NodesPerBlock = 7;

    /// <summary>BPMN XML with exactly <paramref name="flowNodes"/> flow nodes (start and end included); must be 2 more than a multiple of 7.</summary>
    public static string Xml(int flowNodes)
    {
        if ((flowNodes - 2) % NodesPerBlock != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(flowNodes), flowNodes, "must be 2 + 7k");
        }

        var blocks = (flowNodes - 2) / NodesPerBlock;
        var process = new StringBuilder();
        var diagram = new StringBuilder();
        process.Append("""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_Generated" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Crm.Bpm benchmarks" exporterVersion="1">
              <bpmn:process id="generated" name="Generated" isExecutable="true">
                <bpmn:startEvent id="start" />

            """);
        Shape(diagram, "start", 0, 0, 36, 36);
        var previous = "start";
        for (var b = 0; b < blocks; b++)
        {
            var x = 100 + (b * 600);
            var id = b.ToString(CultureInfo.InvariantCulture);
            Flow(process, diagram, $"in{id}", previous, $"split{id}", x - 50, x);
            process.Append(CultureInfo.InvariantCulture, $"""
                    <bpmn:exclusiveGateway id="split{id}" name="Route {id}" default="toUser{id}" />
                    <bpmn:sequenceFlow id="toService{id}" sourceRef="split{id}" targetRef="service{id}">
                      <bpmn:conditionExpression>=amount &gt; {id}</bpmn:conditionExpression>
                    </bpmn:sequenceFlow>
                    <bpmn:sequenceFlow id="toUser{id}" sourceRef="split{id}" targetRef="user{id}" />
                    <bpmn:serviceTask id="service{id}" name="Service {id}">
                      <bpmn:extensionElements>
                        <zeebe:taskDefinition type="crm:assign" retries="3" />
                        <zeebe:ioMapping>
                          <zeebe:input source="=lead.id" target="leadId" />
                        </zeebe:ioMapping>
                      </bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:userTask id="user{id}" name="Review {id}">
                      <bpmn:extensionElements>
                        <zeebe:assignmentDefinition candidateGroups="sales" />
                      </bpmn:extensionElements>
                    </bpmn:userTask>
                    <bpmn:boundaryEvent id="late{id}" attachedToRef="user{id}">
                      <bpmn:timerEventDefinition id="lateTimer{id}">
                        <bpmn:timeDuration>P3D</bpmn:timeDuration>
                      </bpmn:timerEventDefinition>
                    </bpmn:boundaryEvent>
                    <bpmn:endEvent id="lateEnd{id}" />
                    <bpmn:exclusiveGateway id="join{id}" />
                    <bpmn:intermediateCatchEvent id="wait{id}">
                      <bpmn:timerEventDefinition id="waitTimer{id}">
                        <bpmn:timeDuration>PT1H</bpmn:timeDuration>
                      </bpmn:timerEventDefinition>
                    </bpmn:intermediateCatchEvent>

                """);
            Shape(diagram, $"split{id}", x, 0, 50, 50);
            Shape(diagram, $"service{id}", x + 100, -100, 100, 80);
            Shape(diagram, $"user{id}", x + 100, 100, 100, 80);
            Shape(diagram, $"late{id}", x + 130, 162, 36, 36);
            Shape(diagram, $"lateEnd{id}", x + 130, 260, 36, 36);
            Shape(diagram, $"join{id}", x + 300, 0, 50, 50);
            Shape(diagram, $"wait{id}", x + 420, 0, 36, 36);
            Edge(diagram, $"toService{id}", x + 50, x + 100);
            Edge(diagram, $"toUser{id}", x + 50, x + 100);
            Flow(process, diagram, $"fromService{id}", $"service{id}", $"join{id}", x + 200, x + 300);
            Flow(process, diagram, $"fromUser{id}", $"user{id}", $"join{id}", x + 200, x + 300);
            Flow(process, diagram, $"toLateEnd{id}", $"late{id}", $"lateEnd{id}", x + 148, x + 148);
            Flow(process, diagram, $"toWait{id}", $"join{id}", $"wait{id}", x + 350, x + 420);
            previous = $"wait{id}";
        }

        Flow(process, diagram, "toEnd", previous, "end", 100 + (blocks * 600), 150 + (blocks * 600));
        process.Append("    <bpmn:endEvent id=\"end\" />\n  </bpmn:process>\n");
        Shape(diagram, "end", 150 + (blocks * 600), 0, 36, 36);
        process.Append("  <bpmndi:BPMNDiagram id=\"Diagram_Generated\">\n    <bpmndi:BPMNPlane id=\"Plane_Generated\" bpmnElement=\"generated\">\n");
        process.Append(diagram);
        process.Append("    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</bpmn:definitions>\n");
        return process.ToString();
    }

    private static void Flow(StringBuilder process, StringBuilder diagram, string id, string source, string target, int fromX, int toX)
    {
        process.Append(CultureInfo.InvariantCulture, $"    <bpmn:sequenceFlow id=\"{id}\" sourceRef=\"{source}\" targetRef=\"{target}\" />\n");
        Edge(diagram, id, fromX, toX);
    }

    private static void Shape(StringBuilder diagram, string element, int x, int y, int width, int height) =>
        diagram.Append(CultureInfo.InvariantCulture, $"""
                  <bpmndi:BPMNShape id="{element}_di" bpmnElement="{element}">
                    <dc:Bounds x="{x}" y="{y}" width="{width}" height="{height}" />
                  </bpmndi:BPMNShape>

            """);

    private static void Edge(StringBuilder diagram, string element, int fromX, int toX) =>
        diagram.Append(CultureInfo.InvariantCulture, $"""
                  <bpmndi:BPMNEdge id="{element}_di" bpmnElement="{element}">
                    <di:waypoint x="{fromX}" y="25" />
                    <di:waypoint x="{toX}" y="25" />
                  </bpmndi:BPMNEdge>

            """);
}
