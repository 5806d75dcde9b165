using Crm.Bpm.Diagnostics;
using Crm.Bpm.Dmn.Parsing;

namespace Crm.Bpm.Dmn.Tests.Parsing;

public sealed class MalformedDmnTests
{
    [Fact]
    public void NotXml_IsReportedWithLineAndColumn()
    {
        var result = DmnParser.ParseFile(TestFiles.Malformed("not-xml.dmn"));

        result.Definitions.Should().BeNull();
        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(DmnDiagnosticCodes.NotXml);
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Error);
        diagnostic.Line.Should().Be(5);
        diagnostic.File.Should().EndWith("not-xml.dmn");
    }

    [Fact]
    public void Doctype_IsRefusedWithoutExpandingEntities()
    {
        var result = DmnParser.ParseFile(TestFiles.Malformed("doctype.dmn"));

        result.Definitions.Should().BeNull();
        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(DmnDiagnosticCodes.DoctypeRefused);
        diagnostic.Line.Should().Be(2);
        diagnostic.Message.Should().NotContain("root:");
    }

    [Fact]
    public void UnknownNamespace_NamesTheSupportedNamespace()
    {
        var result = DmnParser.ParseFile(TestFiles.Malformed("unknown-namespace.dmn"));

        result.Definitions.Should().BeNull();
        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(DmnDiagnosticCodes.UnknownNamespace);
        diagnostic.Message.Should().Contain(DmnNamespaces.Dmn15);
        diagnostic.Line.Should().Be(2);
    }

    [Fact]
    public void MissingReference_NamesTheHrefAndTheElement()
    {
        var result = DmnParser.ParseFile(TestFiles.Malformed("missing-reference.dmn"));

        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(DmnDiagnosticCodes.MissingReference);
        diagnostic.ElementId.Should().Be("total");
        diagnostic.Message.Should().Contain("#noSuchInput");
        diagnostic.Line.Should().Be(5);
    }

    [Fact]
    public void ReferenceIntoAnUnimportedNamespace_IsReported()
    {
        var result = DmnParser.ParseFile(TestFiles.Malformed("missing-import.dmn"));

        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DmnDiagnosticCodes.MissingReference && d.Message.Contains("urn:elsewhere"));
    }

    [Fact]
    public void DuplicateId_IsReportedAtTheSecondElement()
    {
        var result = DmnParser.ParseFile(TestFiles.Malformed("duplicate-id.dmn"));

        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(DmnDiagnosticCodes.DuplicateId);
        diagnostic.ElementId.Should().Be("same");
        diagnostic.Line.Should().Be(6);
    }

    [Fact]
    public void DuplicateName_IsReportedForDrgElements()
    {
        var result = DmnParser.ParseFile(TestFiles.Malformed("duplicate-name.dmn"));

        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(DmnDiagnosticCodes.DuplicateName);
        diagnostic.ElementId.Should().Be("score2");
        diagnostic.Message.Should().Contain("'Score'");
    }

    [Fact]
    public void JavaFunction_IsNotAllowed()
    {
        var result = DmnParser.ParseFile(TestFiles.Malformed("java-function.dmn"));

        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(DmnDiagnosticCodes.UnsupportedFunctionKind);
        diagnostic.ElementId.Should().Be("javaLogic");
        diagnostic.IsError.Should().BeTrue();
    }

    [Fact]
    public void UnknownHitPolicy_IsReported()
    {
        var result = DmnParser.ParseFile(TestFiles.Malformed("bad-hit-policy.dmn"));

        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(DmnDiagnosticCodes.InvalidElement);
        diagnostic.ElementId.Should().Be("table");
        diagnostic.Message.Should().Contain("SOMETIMES");
    }

    [Fact]
    public void MissingFile_IsADiagnosticNotAnException()
    {
        var result = DmnParser.ParseFile(Path.Combine(Path.GetTempPath(), "no-such-dir-crm", "missing.dmn"));

        result.Definitions.Should().BeNull();
        result.Diagnostics.Should().ContainSingle().Which.IsError.Should().BeTrue();
    }
}
