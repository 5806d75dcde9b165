using Crm.Bpm.Feel.Types;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Tests;

/// <summary>Types after <c>instance of</c> and in DMN typeRefs (DMN 1.5 §10.3.2.9).</summary>
public class TypeTests
{
    [Theory]
    [InlineData("1 instance of number", true)]
    [InlineData("\"a\" instance of string", true)]
    [InlineData("\"a\" instance of number", false)]
    [InlineData("true instance of boolean", true)]
    [InlineData("date(\"2024-01-01\") instance of date", true)]
    [InlineData("date(\"2024-01-01\") instance of date and time", false)]
    [InlineData("@\"2024-01-01T10:00:00\" instance of date and time", true)]
    [InlineData("time(\"10:00:00\") instance of time", true)]
    [InlineData("duration(\"P1D\") instance of days and time duration", true)]
    [InlineData("duration(\"P1Y\") instance of years and months duration", true)]
    [InlineData("duration(\"P1Y\") instance of days and time duration", false)]
    [InlineData("null instance of Null", true)]
    [InlineData("null instance of number", false)]
    [InlineData("null instance of Any", false)]
    [InlineData("1 instance of Any", true)]
    [InlineData("[1, 2] instance of list<number>", true)]
    [InlineData("[1, \"a\"] instance of list<number>", false)]
    [InlineData("[1, \"a\"] instance of list<Any>", true)]
    [InlineData("[] instance of list<string>", true)]
    [InlineData("[[1]] instance of list<list<number>>", true)]
    [InlineData("{a: 1, b: \"x\"} instance of context<a: number>", true)]
    [InlineData("{a: 1, b: \"x\"} instance of context<a: number, b: number>", false)]
    [InlineData("{a: 1} instance of context<a: number, c: string>", false)]
    [InlineData("[1..5] instance of range<number>", true)]
    [InlineData("[1..5] instance of range<string>", false)]
    [InlineData("(function(a, b) a) instance of function<Any, Any>->Any", true)]
    [InlineData("(function(a) a) instance of function<Any, Any>->Any", false)]
    [InlineData("string length instance of function", true)]
    [InlineData("1 + 1 instance of number", true)]
    [InlineData("(1 instance of number) = true", true)]
    public void InstanceOf_ChecksTheFullTypeSyntax(string expression, bool expected)
    {
        FeelAssert.Eval(expression).Should().Be(FeelBoolean.Of(expected));
    }

    [Theory]
    [InlineData("number", "number")]
    [InlineData("feel:string", "string")]
    [InlineData("dateTime", "date and time")]
    [InlineData("dayTimeDuration", "days and time duration")]
    [InlineData("list< number >", "list<number>")]
    [InlineData("context<name: string, age: number>", "context<name: string, age: number>")]
    [InlineData("function<number, string>->boolean", "function<number, string>->boolean")]
    [InlineData("range<date>", "range<date>")]
    public void TypeText_ParsesAndPrintsCanonically(string text, string canonical)
    {
        FeelType.Parse(text)!.ToString().Should().Be(canonical);
    }

    [Theory]
    [InlineData("tPerson")]
    [InlineData("list<")]
    [InlineData("context<a number>")]
    [InlineData("")]
    public void UnknownOrMalformedTypeText_IsNull(string text)
    {
        FeelType.Parse(text).Should().BeNull();
    }

    [Fact]
    public void TypeResolver_SuppliesItemDefinitions()
    {
        var person = FeelType.Context([new("name", FeelType.String)]);

        FeelType.Parse("list<tPerson>", n => n == "tPerson" ? person : null)!.ToString().Should().Be("list<context<name: string>>");
    }

    [Fact]
    public void Conformance_FollowsTheTypeLattice()
    {
        FeelType.Number.ConformsTo(FeelType.Any).Should().BeTrue();
        FeelType.Null.ConformsTo(FeelType.Number).Should().BeTrue();
        FeelType.List(FeelType.Number).ConformsTo(FeelType.List(FeelType.Any)).Should().BeTrue();
        FeelType.List(FeelType.Any).ConformsTo(FeelType.List(FeelType.Number)).Should().BeFalse();
        FeelType.Parse("context<a: number, b: string>")!.ConformsTo(FeelType.Parse("context<a: number>")!).Should().BeTrue();
        FeelType.Parse("function<Any>->number")!.ConformsTo(FeelType.Parse("function<number>->Any")!).Should().BeTrue();
        FeelType.String.ConformsTo(FeelType.Number).Should().BeFalse();
    }

    [Fact]
    public void Coercion_ConvertsSingletonListsAndDates()
    {
        FeelType.Number.Coerce(FeelList.Of(FeelNumber.Of(3))).Should().Be(FeelNumber.Of(3));
        FeelType.List(FeelType.Number).Coerce(FeelNumber.Of(3)).Should().Be(FeelList.Of(FeelNumber.Of(3)));
        FeelType.DateTime.Coerce(FeelDate.TryParse("2024-01-02")!)!.ToFeelString().Should().Be("2024-01-02T00:00:00Z");
        FeelType.Number.Coerce(new FeelString("3")).Should().BeNull();
        FeelType.Number.Coerce(FeelValue.Null).Should().Be(FeelValue.Null);
    }

    [Fact]
    public void TypeOfValue_DescribesIt()
    {
        FeelType.Of(FeelAssert.Eval("{a: 1, b: [1..2]}")).ToString().Should().Be("context<a: number, b: range<number>>");
    }
}
