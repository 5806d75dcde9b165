using System.Numerics;
using Crm.Bpm.Feel.Numbers;
using FsCheck;
using FsCheck.Xunit;

namespace Crm.Bpm.Feel.Tests;

/// <summary>FEEL numbers: decimal128 semantics with 34 significant digits, round half even (DMN 1.5 §10.3.2.3.1).</summary>
public class NumberTests
{
    private static FeelDecimal N(string text) => FeelDecimal.Parse(text);

    [Fact]
    public void Division_KeepsThirtyFourDigits()
    {
        (N("1") / N("3")).ToString().Should().Be("0.3333333333333333333333333333333333");
        (N("2") / N("3")).ToString().Should().Be("0.6666666666666666666666666666666667");
        (N("1") / N("7")).ToString().Should().Be("0.1428571428571428571428571428571429");
    }

    [Fact]
    public void ExactDivision_HasNoTrailingDigits()
    {
        (N("10") / N("4")).ToString().Should().Be("2.5");
        (N("1") / N("8")).ToString().Should().Be("0.125");
        (N("100") / N("0.01")).ToString().Should().Be("10000");
    }

    [Theory]
    [InlineData("1234567890123456789012345678901234.5", "1234567890123456789012345678901234")]
    [InlineData("1234567890123456789012345678901235.5", "1234567890123456789012345678901236")]
    [InlineData("1234567890123456789012345678901234.51", "1234567890123456789012345678901235")]
    [InlineData("-1234567890123456789012345678901234.5", "-1234567890123456789012345678901234")]
    public void ThirtyFifthDigit_RoundsHalfEven(string text, string rounded)
    {
        N(text).ToString().Should().Be(rounded);
    }

    [Fact]
    public void SumBeyondDecimalRange_IsExactToThirtyFourDigits()
    {
        var big = N("79228162514264337593543950335"); // decimal.MaxValue

        (big + big).ToString().Should().Be("158456325028528675187087900670");
        (big * big).ToString().Should().Be("6277101735386680763835789423049210000000000000000000000000");
        (big * big).ToString("E", null).Should().Be("6.27710173538668076383578942304921E57");
    }

    [Fact]
    public void ValuesFromBothRepresentations_AreEqualAndHashAlike()
    {
        var viaBig = (N("1") / N("3")) * N("3");
        var small = N("0.9999999999999999999999999999999999");

        viaBig.Should().Be(small);
        viaBig.GetHashCode().Should().Be(small.GetHashCode());
        N("1.0").Should().Be(N("1"));
        N("1.0").GetHashCode().Should().Be(N("1").GetHashCode());
    }

    [Fact]
    public void Comparison_WorksAcrossRepresentations()
    {
        N("1E40").Should().BeGreaterThan(N("79228162514264337593543950335"));
        N("-1E40").Should().BeLessThan(N("-1"));
        N("1E-40").Should().BeGreaterThan(FeelDecimal.Zero);
        N("1E-40").Should().BeLessThan(N("0.0000000000000000000000000001"));
    }

    [Fact]
    public void Overflow_IsNullWithWarning()
    {
        var (value, context) = FeelAssert.EvalWithContext("10 ** 6000 * 10 ** 6000");

        value.IsNull.Should().BeTrue();
        context.Warnings.Should().Contain(w => w.Message.Contains("outside the FEEL number range"));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0.0", "0")]
    [InlineData("1.2300", "1.23")]
    [InlineData("1e3", "1000")]
    [InlineData("1.5E-3", "0.0015")]
    [InlineData("+7", "7")]
    public void Text_ParsesAndPrintsPlainly(string text, string printed)
    {
        N(text).ToString().Should().Be(printed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("1e")]
    [InlineData("--1")]
    public void NonNumbers_DoNotParse(string text)
    {
        FeelDecimal.TryParse(text).Should().BeNull();
    }

    [Theory]
    [InlineData("2.5", 0, "2")]
    [InlineData("3.5", 0, "4")]
    [InlineData("-2.5", 0, "-2")]
    [InlineData("1.2345", 2, "1.23")]
    [InlineData("1250", -2, "1200")]
    public void Round_HalfEven(string text, int scale, string expected)
    {
        N(text).Round(scale, MidpointRounding.ToEven).ToString().Should().Be(expected);
    }

    [Fact]
    public void SquareRoot_IsCorrectToThirtyFourDigits()
    {
        FeelAssert.Json("sqrt(2)").Should().Be("1.414213562373095048801688724209698");
        FeelAssert.Json("sqrt(2) * sqrt(2)").Should().Be("2");
        FeelAssert.Json("sqrt(1E-100) = 1E-50").Should().Be("true");
    }

    [Property(MaxTest = 500)]
    public bool Arithmetic_MatchesDotNetDecimal_WhenDecimalIsExact(long a, int b, byte scale)
    {
        var x = new decimal(a) / 1000m;
        var y = (decimal)b / (decimal)Math.Pow(10, scale % 6);
        var sum = FeelDecimal.FromDecimal(x) + FeelDecimal.FromDecimal(y);
        var product = FeelDecimal.FromDecimal(x) * FeelDecimal.FromDecimal(y);

        return sum == FeelDecimal.FromDecimal(x + y) && product == FeelDecimal.Parse((new BigInteger(x * 1000m) * new BigInteger(y * (decimal)Math.Pow(10, scale % 6))).ToString() + "E-" + (3 + (scale % 6)));
    }

    [Property(MaxTest = 500)]
    public bool DivisionThenMultiplication_ReturnsWithinOneUnitInTheLastPlace(int a, NonZeroInt b)
    {
        var x = FeelDecimal.FromInt64(a);
        var y = FeelDecimal.FromInt64(b.Get);
        var back = x / y * y;
        var error = (back - x).Abs();

        return error <= N("1E-30") * (x.Abs() + FeelDecimal.One);
    }
}
