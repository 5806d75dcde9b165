using Crm.Bpm.Diagnostics;
using Crm.Bpm.Feel.Evaluation;

namespace Crm.Bpm.Feel.Tests;

/// <summary>Bad FEEL text gives one error diagnostic naming the place, what was found and what was expected.</summary>
public class SyntaxErrorTests
{
    private static Diagnostic Error(string text)
    {
        var result = FeelCompiler.CompileExpression(text);
        result.Succeeded.Should().BeFalse($"'{text}' is not valid FEEL");
        return result.Diagnostics.Should().ContainSingle().Subject;
    }

    [Fact]
    public void MisplacedOperator_ReportsColumnFoundAndExpected()
    {
        var error = Error("1 + * 2");

        error.Severity.Should().Be(DiagnosticSeverity.Error);
        error.Code.Should().Be(FeelWarningCodes.Syntax);
        (error.Line, error.Column).Should().Be((1, 5));
        error.Message.Should().Be("Unexpected '*'; expected an expression.");
    }

    [Fact]
    public void ErrorOnLaterLine_ReportsThatLine()
    {
        var error = Error("if x > 1\nthen \"a\"\nelse )");

        (error.Line, error.Column).Should().Be((3, 6));
        error.Message.Should().Contain("')'");
    }

    [Fact]
    public void MissingElse_SaysElseWasExpected()
    {
        var error = Error("if x then 1");

        error.Message.Should().Be("The text ends too early; expected 'else'.");
        (error.Line, error.Column).Should().Be((1, 12));
    }

    [Fact]
    public void UnterminatedString_IsReportedWhereItStarts()
    {
        var error = Error("\"abc");

        error.Column.Should().Be(1);
        error.Message.Should().Contain("unterminated string");
    }

    [Fact]
    public void UnknownCharacter_IsNamed()
    {
        var error = Error("1 # 2");

        error.Column.Should().Be(3);
        error.Message.Should().Contain("'#'");
    }

    [Fact]
    public void UnclosedList_SaysWhatCloses()
    {
        Error("[1, 2").Message.Should().Contain("',' or ']'");
    }

    [Fact]
    public void ContextWithoutColon_SaysColonWasExpected()
    {
        Error("{a 1}").Message.Should().Contain("':'");
    }

    [Fact]
    public void TrailingGarbage_IsAnError()
    {
        var error = Error("1 2");

        error.Column.Should().Be(3);
        error.Message.Should().Contain("the number 2");
    }

    [Fact]
    public void ExternalFunction_IsRejected_BecauseFeelHasNoIo()
    {
        Error("function(x) external {java: {class: \"java.lang.Math\", method signature: \"max(int,int)\"}}")
            .Message.Should().Contain("External functions").And.Contain("not allowed");
    }

    [Fact]
    public void UnknownType_InInstanceOf_IsAnError()
    {
        Error("1 instance of tPerson").Message.Should().Contain("'tPerson' is not a known type");
    }

    [Fact]
    public void ItemDefinitionType_IsAccepted_WithResolver()
    {
        var options = new FeelCompileOptions { TypeResolver = name => name == "tAmount" ? Types.FeelType.Number : null };

        FeelCompiler.CompileExpression("1 instance of tAmount", options).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void MixedPositionalAndNamedArguments_AreAnError()
    {
        Error("substring(\"abc\", start position: 2)").Message.Should().Contain("positional or only named");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("(")]
    [InlineData("for x in")]
    [InlineData("some x in [1] satisfies")]
    [InlineData("function(a")]
    [InlineData("1 instance of")]
    [InlineData("x between 1")]
    [InlineData("/* open comment")]
    public void IncompleteText_GivesOneDiagnostic(string text)
    {
        Error(text).Line.Should().Be(1);
    }
}
