using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Tests;

/// <summary>Camunda 8 property values: <c>=expr</c> is FEEL, anything else a plain string.</summary>
public class ZeebeValueTests
{
    private static readonly FeelScope Scope = FeelScope.Of(("amount", FeelNumber.Of(1500)));

    [Fact]
    public void ValueStartingWithEquals_IsFeel()
    {
        var compiled = FeelCompiler.CompileZeebeValue("=amount > 1000");

        compiled.Value!.Evaluate(Scope).Should().Be(FeelBoolean.True);
        FeelCompiler.IsZeebeExpression("  =x").Should().BeTrue();
    }

    [Fact]
    public void OtherValue_IsThePlainString()
    {
        var compiled = FeelCompiler.CompileZeebeValue("PT15M");

        compiled.Value!.Evaluate(Scope).Should().Be(new FeelString("PT15M"));
        FeelCompiler.IsZeebeExpression("a = b").Should().BeFalse();
    }

    [Fact]
    public void SyntaxErrorColumn_CountsFromTheWholeValue()
    {
        var compiled = FeelCompiler.CompileZeebeValue("= 1 + * 2");

        compiled.Diagnostics.Should().ContainSingle().Which.Column.Should().Be(7);
    }
}
