using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Tests;

/// <summary>Decision table input entries (DMN 1.5 grammar rule 17 and §10.3.2.? unary test semantics).</summary>
public class UnaryTestsTests
{
    private static readonly FeelNumber Five = FeelNumber.Of(5);

    [Theory]
    [InlineData("-", true)]
    [InlineData("5", true)]
    [InlineData("6", false)]
    [InlineData("< 10", true)]
    [InlineData("<= 5", true)]
    [InlineData("> 5", false)]
    [InlineData(">= 5", true)]
    [InlineData("= 5", true)]
    [InlineData("!= 5", false)]
    [InlineData("[1..5]", true)]
    [InlineData("[1..5)", false)]
    [InlineData("(5..10]", false)]
    [InlineData("]4..6[", true)]
    [InlineData("1, 3, 5", true)]
    [InlineData("< 3, > 4", true)]
    [InlineData("< 3, > 6", false)]
    [InlineData("not(5)", false)]
    [InlineData("not(1, 2)", true)]
    [InlineData("not([1..10])", false)]
    [InlineData("? > 4", true)]
    [InlineData("? * 2 = 10", true)]
    [InlineData("odd(?)", true)]
    [InlineData("[4, 5, 6]", true)]
    [InlineData("[1..3], [4..6]", true)]
    [InlineData("2 + 3", true)]
    [InlineData("null", false)]
    public void NumberInput_MatchesAsTheSpecSays(string tests, bool expected)
    {
        FeelAssert.Test(tests, Five).Should().Be(expected);
    }

    [Theory]
    [InlineData("\"EU\"", true)]
    [InlineData("\"EU\", \"US\"", true)]
    [InlineData("not(\"EU\", \"US\")", false)]
    [InlineData("\"APAC\"", false)]
    [InlineData("starts with(?, \"E\")", true)]
    [InlineData("< \"F\"", true)]
    public void StringInput_Matches(string tests, bool expected)
    {
        FeelAssert.Test(tests, new FeelString("EU")).Should().Be(expected);
    }

    [Theory]
    [InlineData("-", true)]
    [InlineData("null", true)]
    [InlineData("not(null)", false)]
    [InlineData("< 10", null)]
    [InlineData("[1..10]", null)]
    [InlineData("5", false)]
    [InlineData("? = null", true)]
    public void NullInput_IsMatchedOnlyByNullTestsAndDash(string tests, bool? expected)
    {
        FeelAssert.Test(tests, FeelValue.Null).Should().Be(expected);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("? = true", true)]
    [InlineData("not(false)", true)]
    public void BooleanInput_ComparesByEquality(string tests, bool expected)
    {
        FeelAssert.Test(tests, FeelBoolean.True).Should().Be(expected);
    }

    [Theory]
    [InlineData("< date(\"2024-01-01\")", false)]
    [InlineData("[date(\"2024-01-01\")..date(\"2024-12-31\")]", true)]
    [InlineData(">= @\"2024-06-01\"", true)]
    public void DateInput_ComparesDates(string tests, bool expected)
    {
        FeelAssert.Test(tests, FeelDate.TryParse("2024-06-01")!).Should().Be(expected);
    }

    [Fact]
    public void TestsUsingVariablesAndNamesWithSpaces_ReadTheScope()
    {
        var scope = FeelScope.Of(("Credit Limit", FeelNumber.Of(1000)));

        FeelAssert.Test("<= Credit Limit", FeelNumber.Of(900), scope, ["Credit Limit"]).Should().BeTrue();
        FeelAssert.Test("> Credit Limit", FeelNumber.Of(900), scope, ["Credit Limit"]).Should().BeFalse();
    }

    [Fact]
    public void ListInput_TestedWithQuestionMark()
    {
        var input = FeelList.Of(FeelNumber.Of(1), FeelNumber.Of(2), FeelNumber.Of(3));

        FeelAssert.Test("count(?) > 2", input).Should().BeTrue();
        FeelAssert.Test("list contains(?, 4)", input).Should().BeFalse();
    }

    [Fact]
    public void Dash_IsReportedAsAny()
    {
        FeelCompiler.CompileUnaryTests("-").Value!.IsAny.Should().BeTrue();
        FeelCompiler.CompileUnaryTests("> 1").Value!.IsAny.Should().BeFalse();
    }

    [Fact]
    public void IncomparableInput_IsNullWithWarning_NotAMatch()
    {
        var tests = FeelCompiler.CompileUnaryTests("< 10").Value!;
        var context = new FeelEvaluationContext(FeelScope.Empty);

        tests.Matches(new FeelString("x"), context).Should().BeFalse();
        tests.Evaluate(new FeelString("x"), context).Should().Be(FeelValue.Null);
        context.Warnings.Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("< ")]
    [InlineData("1,")]
    [InlineData("not(1")]
    [InlineData("[1..")]
    public void MalformedTests_GiveDiagnostics(string tests)
    {
        var result = FeelCompiler.CompileUnaryTests(tests);

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(FeelWarningCodes.Syntax);
    }
}
