using Crm.Bpm.Dmn.Tables;
using Crm.Bpm.Feel;
using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Tests.Tables;

public sealed class LiteralUnaryTestsTests
{
    private static readonly FeelValue[] Inputs =
    [
        FeelValue.From(-5), FeelValue.From(0), FeelValue.From(1000), FeelValue.From(1000.0m), FeelValue.From(4999.99m), FeelValue.From(5000),
        FeelValue.From(250000), FeelValue.From("North"), FeelValue.From("north"), FeelValue.From("a,b"), FeelValue.From(true),
        FeelValue.Null, FeelValue.From(new[] { "North" }), FeelValue.From(new DateOnly(2024, 1, 1)),
    ];

    [Theory]
    [InlineData("\"North\"")]
    [InlineData("\"North\", \"South\"")]
    [InlineData("\"a,b\"")]
    [InlineData("1000")]
    [InlineData("-5, 0")]
    [InlineData("< 1000")]
    [InlineData("<= 1000")]
    [InlineData("> 4999.99")]
    [InlineData(">=5000")]
    [InlineData("[1000..5000)")]
    [InlineData("(0..1000]")]
    [InlineData("]0..5000[")]
    [InlineData("[-5..0], >= 250000")]
    public void FastPath_AgreesWithFeel_ForEveryKindOfInput(string text)
    {
        var fast = LiteralUnaryTests.TryCompile(text);
        var feel = FeelCompiler.CompileUnaryTests(text).Value!;
        var context = new FeelEvaluationContext(FeelScope.Empty);

        fast.Should().NotBeNull();
        foreach (var input in Inputs)
        {
            fast!(input).Should().Be(feel.Matches(input, context), $"'{text}' tested against {input}");
        }
    }

    [Theory]
    [InlineData("not(\"North\")")]
    [InlineData("true")]
    [InlineData("\"a\\\"b\"")]
    [InlineData("< Limit")]
    [InlineData("[date(\"2024-01-01\")..date(\"2025-01-01\")]")]
    [InlineData("\"open")]
    public void OtherTests_AreLeftToFeel(string text) =>
        LiteralUnaryTests.TryCompile(text).Should().BeNull();
}
