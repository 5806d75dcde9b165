using static Crm.Bpm.Dmn.Tests.DmnTestModels;

namespace Crm.Bpm.Dmn.Tests.Expressions;

public sealed class BoxedExpressionTests
{
    private static readonly object[] People =
    [
        new Dictionary<string, object?> { ["name"] = "Ann", ["age"] = 34 },
        new Dictionary<string, object?> { ["name"] = "Ben", ["age"] = 12 },
        new Dictionary<string, object?> { ["name"] = "Cid", ["age"] = 58 },
    ];

    private static object? Decide(string decision) =>
        Plain(Load("boxed-expressions.dmn").Evaluate(decision, Inputs(("People", People), ("rates", new Dictionary<string, object?> { ["Region"] = "EU" }))).Value);

    [Fact]
    public void Filter_KeepsItemsMatchingTheCondition() =>
        ((IEnumerable<object?>)Decide("Adults")!).Cast<Dictionary<string, object?>>().Select(p => p["name"]).Should().Equal("Ann", "Cid");

    [Fact]
    public void For_MapsEachItem_OfARequiredDecision() =>
        Decide("Adult Names").Should().BeEquivalentTo(new[] { "Ann", "Cid" }, o => o.WithStrictOrdering());

    [Fact]
    public void Some_IsTrue_WhenAnyItemSatisfies() => Decide("Any Minor").Should().Be(true);

    [Fact]
    public void Every_IsTrue_WhenAllItemsSatisfy() => Decide("All Named").Should().Be(true);

    [Fact]
    public void Invocation_BindsParametersByName_AndCallsTheKnowledgeModel() => Decide("Doubled").Should().Be(42m);

    [Fact]
    public void Context_EntriesSeeEarlierEntries_AndTheLastUnnamedEntryIsTheResult() =>
        Decide("Summary").Should().BeEquivalentTo(new Dictionary<string, object?> { ["people"] = 3m, ["oldest"] = 58m });

    [Fact]
    public void Relation_IsAListOfContexts() =>
        Decide("Rate Table").Should().BeEquivalentTo(new[]
        {
            new Dictionary<string, object?> { ["segment"] = "gold", ["rate"] = 0.1m },
            new Dictionary<string, object?> { ["segment"] = "silver", ["rate"] = 0.05m },
        }, o => o.WithStrictOrdering());

    [Fact]
    public void List_EvaluatesEachItem() =>
        Decide("Flags").Should().BeEquivalentTo(new object[] { true, "x" }, o => o.WithStrictOrdering());

    [Fact]
    public void Conditional_ChoosesTheThenBranch_WhenTheConditionIsTrue() => Decide("Category").Should().Be("big");

    [Fact]
    public void FunctionDefinition_InAContext_CanBeCalledByLaterEntries() => Decide("Adder Result").Should().Be(3m);

    [Fact]
    public void DecisionService_CalledFromFeel_EvaluatesItsOutputDecisionWithTheArguments() =>
        Decide("Service Call").Should().BeEquivalentTo(new[] { "Zoe" });

    [Fact]
    public void ImportedDecision_IsReachedThroughTheImportPrefix() => Decide("Quoted Rate").Should().Be(0.08m);

    [Fact]
    public void DecisionService_InvokedDirectly_ReturnsItsOutput()
    {
        var result = Load("boxed-expressions.dmn").EvaluateDecisionService("Adult Service", Inputs(("People", People)));

        Plain(result.Value).Should().BeEquivalentTo(new[] { "Ann", "Cid" });
        result.Outputs.Should().ContainSingle().Which.Key.Should().Be("Adult Names");
    }

    [Fact]
    public void KnowledgeModel_InvokedDirectly_TakesArgumentsByParameterName() =>
        Plain(Load("boxed-expressions.dmn").InvokeBusinessKnowledgeModel("Double It", Inputs(("x", 5))).Value).Should().Be(10m);

    [Fact]
    public void UnknownDecision_IsNullWithAWarningListingTheDecisions()
    {
        var result = Load("boxed-expressions.dmn").Evaluate("Nope");

        result.Value.IsNull.Should().BeTrue();
        result.Warnings.Should().ContainSingle().Which.Message.Should().Contain("'Adults'");
    }
}
