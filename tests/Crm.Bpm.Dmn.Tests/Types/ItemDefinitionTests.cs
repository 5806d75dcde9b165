using Crm.Bpm.Feel.Values;
using static Crm.Bpm.Dmn.Tests.DmnTestModels;

namespace Crm.Bpm.Dmn.Tests.Types;

public sealed class ItemDefinitionTests
{
    private static Crm.Bpm.Dmn.Evaluation.DmnResult Evaluate(string decision, params (string Name, object? Value)[] inputs) =>
        Load("item-definitions.dmn").Evaluate(decision, Inputs(inputs));

    private static Dictionary<string, object?> Person(string name, int age) => new() { ["name"] = name, ["age"] = age };

    [Fact]
    public void StructuredInput_IsReadByComponent() =>
        Plain(Evaluate("Person Age", ("Person", Person("Ann", 30))).Value).Should().Be(30m);

    [Fact]
    public void StructuredInput_MissingAComponent_IsNullWithAWarning()
    {
        var result = Evaluate("Person Age", ("Person", new Dictionary<string, object?> { ["name"] = "Ann" }));

        result.Value.IsNull.Should().BeTrue();
        result.Warnings.Should().Contain(w => w.Message.Contains("input data 'Person'") && w.Message.Contains("tPerson"));
    }

    [Fact]
    public void AllowedValues_RejectAValueOutsideThem()
    {
        Plain(Evaluate("Checked Age", ("Age", 42)).Value).Should().Be(42m);
        var result = Evaluate("Checked Age", ("Age", 200));
        result.Value.IsNull.Should().BeTrue();
        result.Warnings.Should().ContainSingle().Which.Message.Should().Contain("tAge");
    }

    [Fact]
    public void AllowedValues_OfAnInput_MakeAnOutsideValueNull()
    {
        Plain(Evaluate("Segment Echo", ("Segment", "gold")).Value).Should().Be("gold");
        Evaluate("Segment Echo", ("Segment", "bronze")).Value.IsNull.Should().BeTrue();
    }

    [Fact]
    public void SingletonList_BecomesItsElement_ForANonListType() =>
        Plain(Evaluate("First Name", ("Names", new[] { "Ann" })).Value).Should().Be("Ann");

    [Fact]
    public void LongerList_DoesNotConformToANonListType() =>
        Evaluate("First Name", ("Names", new[] { "Ann", "Bob" })).Value.IsNull.Should().BeTrue();

    [Fact]
    public void Element_BecomesASingletonList_ForACollectionType() =>
        Plain(Evaluate("Wrapped").Value).Should().BeEquivalentTo(new[] { "Bob" });

    [Fact]
    public void ListOfTheWrongElementType_IsNull() =>
        Evaluate("Bad List").Value.IsNull.Should().BeTrue();

    [Fact]
    public void ContextWithExtraEntries_ConformsToAStructure() =>
        Plain(Evaluate("Extra Fields").Value).Should().BeEquivalentTo(new Dictionary<string, object?> { ["name"] = "Ann", ["age"] = 30m, ["vip"] = true });

    [Fact]
    public void ContextMissingAComponent_DoesNotConform() =>
        Evaluate("Missing Field").Value.IsNull.Should().BeTrue();

    [Fact]
    public void DateInput_TakesPartInDateArithmetic()
    {
        var result = Evaluate("Tomorrow", ("Start", new DateOnly(2024, 2, 28)));

        result.Value.Should().BeOfType<FeelDate>().Which.ToFeelString().Should().Be("2024-02-29");
    }

    [Fact]
    public void InstanceOf_KnowsTheModelsItemDefinitions()
    {
        Plain(Evaluate("Is Person", ("Person", Person("Ann", 30))).Value).Should().Be(true);
    }
}
