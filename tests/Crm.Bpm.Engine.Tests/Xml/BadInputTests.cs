using Crm.Bpm.Diagnostics;
using Crm.Bpm.Engine.Model.Events;
using Crm.Bpm.Engine.Model.Processes;
using Crm.Bpm.Engine.Xml;

namespace Crm.Bpm.Engine.Tests.Xml;

/// <summary>Input that is not a usable BPMN 2.0 file yields diagnostics that say where and what to do, never an exception.</summary>
public sealed class BadInputTests
{
    private static BpmnParseResult Parse(string file)
    {
        var path = BpmnTestFiles.BadInput(file);
        var act = () => BpmnParser.ParseFile(path);
        var result = act.Should().NotThrow().Subject;
        result.Diagnostics.Should().OnlyContain(d => d.File == path, "every finding names the file");
        return result;
    }

    [Fact]
    public void PlainText_IsReportedAsNotWellFormedXml_AtLineOne()
    {
        var result = Parse("not-xml.bpmn");

        result.Definitions.Should().BeNull();
        var finding = result.Diagnostics.Should().ContainSingle().Subject;
        finding.Should().BeEquivalentTo(new { Severity = DiagnosticSeverity.Error, Code = BpmnDiagnosticCodes.NotWellFormed, Line = 1 });
        finding.Message.Should().Contain("not well-formed XML");
    }

    [Theory]
    [InlineData("wrong-namespace.bpmn", "in namespace http://example.com/not-bpmn. A BPMN 2.0 file starts with")]
    [InlineData("no-namespace.bpmn", "without a namespace")]
    [InlineData("bpmn-draft-namespace.bpmn", "BPMN 1.x or a pre-release draft")]
    [InlineData("xpdl-package.xpdl", "XPDL package")]
    public void RootThatIsNotBpmn20Definitions_IsRejectedWithAClearMessage(string file, string explanation)
    {
        var result = Parse(file);

        result.Definitions.Should().BeNull();
        var finding = result.Diagnostics.Should().ContainSingle().Subject;
        finding.Code.Should().Be(BpmnDiagnosticCodes.NotBpmn20);
        finding.Line.Should().Be(2);
        finding.Message.Should().StartWith("This is not BPMN 2.0").And.Contain(explanation);
    }

    [Fact]
    public void TruncatedFile_ReportsWhereItEnds()
    {
        var result = Parse("truncated.bpmn");

        result.Definitions.Should().BeNull();
        var finding = result.Diagnostics.Should().ContainSingle().Subject;
        finding.Code.Should().Be(BpmnDiagnosticCodes.NotWellFormed);
        finding.Line.Should().Be(8);
        finding.Message.Should().Contain("ends unexpectedly at line 8").And.Contain("truncated");
    }

    [Fact]
    public void ExternalEntity_IsRefusedWithoutReadingTheReferencedFile()
    {
        var result = Parse("xxe-external-entity.bpmn");

        result.Definitions.Should().BeNull("a file with a DOCTYPE is refused outright");
        var finding = result.Diagnostics.Should().ContainSingle().Subject;
        finding.Code.Should().Be(BpmnDiagnosticCodes.DoctypeRefused);
        finding.Line.Should().Be(2);
        finding.Message.Should().Contain("DOCTYPE").And.NotContain("root:");
    }

    [Fact]
    public void EntityExpansionBomb_IsRefusedBeforeAnyExpansion()
    {
        var result = Parse("billion-laughs.bpmn");

        result.Definitions.Should().BeNull();
        result.Diagnostics.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = BpmnDiagnosticCodes.DoctypeRefused, Line = 2 });
    }

    [Fact]
    public void EmptyInput_IsReportedAsEmpty()
    {
        var result = BpmnParser.ParseString("", "empty.bpmn");

        result.Definitions.Should().BeNull();
        result.Diagnostics.Should().ContainSingle().Which.Code.Should().BeOneOf(BpmnDiagnosticCodes.Unreadable, BpmnDiagnosticCodes.NotWellFormed);
    }

    [Fact]
    public void MissingFile_IsReportedAsUnreadable()
    {
        var path = Path.Combine(BpmnTestFiles.BadInputFolder, "does-not-exist.bpmn");

        var result = BpmnParser.ParseFile(path);

        result.Definitions.Should().BeNull();
        result.Diagnostics.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = BpmnDiagnosticCodes.Unreadable, File = path });
    }

    [Fact]
    public void ModelProblems_AreEachReportedAtTheirLine_AndTheModelIsStillBuilt()
    {
        var result = Parse("model-problems.bpmn");

        result.Definitions.Should().NotBeNull();
        result.Diagnostics.Select(d => (d.Code, d.Line, d.ElementId, d.Severity)).Should().BeEquivalentTo(new (string, int?, string?, DiagnosticSeverity)[]
        {
            (BpmnDiagnosticCodes.InvalidValue, 3, "P1", DiagnosticSeverity.Error),
            (BpmnDiagnosticCodes.MissingRequired, 7, "Flow_1", DiagnosticSeverity.Error),
            (BpmnDiagnosticCodes.MissingRequired, 8, "Boundary", DiagnosticSeverity.Error),
            (BpmnDiagnosticCodes.UnknownElement, 9, null, DiagnosticSeverity.Warning),
            (BpmnDiagnosticCodes.DuplicateId, 6, "Task_1", DiagnosticSeverity.Error),
        });
        result.Diagnostics.Single(d => d.Code == BpmnDiagnosticCodes.MissingRequired && d.Line == 7).Message.Should().Contain("'sourceRef'");
        result.Diagnostics.Single(d => d.Code == BpmnDiagnosticCodes.DuplicateId).Message.Should().Contain("line 5");

        var model = result.Definitions!;
        var process = model.Processes.Single();
        process.IsExecutable.Should().BeNull("'yes' is not a boolean");
        process.ForeignAttributes.Should().ContainSingle(a => a.Name.LocalName == "isExecutable" && a.Value == "yes", "the raw value is kept for writing back");
        model.Index.Find<SequenceFlow>("Flow_1")!.SourceRef.Should().BeNull();
        model.Index.Find<BoundaryEvent>("Boundary")!.AttachedToRef.Should().BeNull();
        process.UnmodeledChildren.Should().ContainSingle().Which.Attribute("id")!.Value.Should().Be("Fancy_1");
        model.Index.ElementsWithId("Task_1").Select(e => e.Position.Line).Should().Equal(5, 6);
    }

    [Fact]
    public void ModelProblems_WrittenBack_KeepTheUnknownElementAndTheRawValue()
    {
        var model = Parse("model-problems.bpmn").Definitions!;

        var xml = BpmnWriter.WriteString(model);

        xml.Should().Contain("isExecutable=\"yes\"").And.Contain("<bpmn:fancyTask id=\"Fancy_1\" name=\"not BPMN\" />");
    }
}
