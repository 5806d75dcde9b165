using System.Globalization;
using System.Text.Json;
using Crm.Bpm.Engine.Comparison;
using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Diagram;
using Crm.Bpm.Engine.Model.Processes;

namespace Crm.Bpm.Engine.Tests.Xml;

/// <summary>The 21 BPMN MIWG reference models: each parses cleanly, holds what the file says, and survives write-then-parse unchanged.</summary>
public sealed class MiwgReferenceModelTests
{
    private static readonly JsonElement Expectations = JsonDocument.Parse(File.ReadAllText(BpmnTestFiles.ExpectationsFile)).RootElement;

    public static TheoryData<string> Files
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in BpmnTestFiles.MiwgNames)
            {
                data.Add(name);
            }

            return data;
        }
    }

    [Fact]
    public void MiwgFolder_HoldsTheTwentyOneReferenceModels_EachWithExpectations()
    {
        BpmnTestFiles.MiwgNames.Should().HaveCount(21).And.Contain(["A.1.0", "B.2.0", "C.8.0", "C.9.2"]);
        foreach (var name in BpmnTestFiles.MiwgNames)
        {
            Expectations.TryGetProperty(name, out _).Should().BeTrue($"miwg-expectations.json must describe {name}");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void MiwgModel_ParsesWithoutDiagnostics_AndHoldsTheElementsOfTheFile(string name)
    {
        var model = BpmnTestFiles.ParseClean(BpmnTestFiles.Miwg(name));
        var expected = Expectations.GetProperty(name);

        model.Id.Should().Be(expected.GetProperty("id").GetString());
        var census = model.Index.AllElements
            .Where(e => e is not BpmnDefinitions and not Expression)
            .GroupBy(e => e.ElementName)
            .ToDictionary(g => g.Key, g => g.Count());
        var expectedCounts = expected.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        census.Should().BeEquivalentTo(expectedCounts, $"{name} has these elements by type");

        foreach (var pair in expected.GetProperty("names").EnumerateObject())
        {
            var node = model.Index.Find<FlowNode>(pair.Name);
            node.Should().NotBeNull($"{name} declares the flow node {pair.Name}");
            node!.Name.Should().Be(pair.Value.GetString());
            node.Position.IsKnown.Should().BeTrue();
        }

        var plane = model.Diagrams.Select(d => d.Plane!).ToList();
        plane.Sum(p => p.Shapes.Count()).Should().Be(expected.GetProperty("shapes").GetInt32());
        plane.Sum(p => p.Edges.Count()).Should().Be(expected.GetProperty("edges").GetInt32());
        if (expected.GetProperty("firstShape") is { ValueKind: JsonValueKind.Object } first)
        {
            var shape = model.Diagrams.SelectMany(d => d.Plane!.Shapes).First();
            shape.BpmnElement.Should().Be(first.GetProperty("bpmnElement").GetString());
            shape.Bounds.Should().Be(new Bounds(first.GetProperty("x").GetDouble(), first.GetProperty("y").GetDouble(), first.GetProperty("width").GetDouble(), first.GetProperty("height").GetDouble()));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void MiwgModel_WrittenAndParsedAgain_HasNoSemanticOrDiagramDifference(string name)
    {
        var model = BpmnTestFiles.ParseClean(BpmnTestFiles.Miwg(name));

        var again = BpmnTestFiles.WriteAndReparse(model, out _);

        BpmnComparer.Compare(model, again).Should().BeEmpty();
        DiagramGeometry(again).Should().Equal(DiagramGeometry(model), "every shape keeps its bounds and every edge its waypoints");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void MiwgModel_WrittenTwice_GivesTheSameText(string name)
    {
        var model = BpmnTestFiles.ParseClean(BpmnTestFiles.Miwg(name));
        var again = BpmnTestFiles.WriteAndReparse(model, out var first);

        BpmnTestFiles.WriteAndReparse(again, out var second);

        second.Should().Be(first, "writing is a fixed point after one round trip");
    }

    /// <summary>Every shape's bounds and every edge's waypoints as text lines, independent of the comparer.</summary>
    private static List<string> DiagramGeometry(BpmnDefinitions model)
    {
        var lines = new List<string>();
        foreach (var element in model.Diagrams.SelectMany(d => d.Plane?.Elements ?? []))
        {
            switch (element)
            {
                case BpmnShape shape:
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"shape {shape.Id} {shape.BpmnElement} {shape.Bounds} label {shape.Label?.Bounds}"));
                    break;
                case BpmnEdge edge:
                    lines.Add($"edge {edge.Id} {edge.BpmnElement} {string.Join(" ", edge.Waypoints.Select(p => string.Create(CultureInfo.InvariantCulture, $"({p.X},{p.Y})")))} label {edge.Label?.Bounds}");
                    break;
            }
        }

        return lines;
    }
}
