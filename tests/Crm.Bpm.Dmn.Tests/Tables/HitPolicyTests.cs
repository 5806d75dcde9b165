using Crm.Bpm.Dmn.Parsing;
using static Crm.Bpm.Dmn.Tests.DmnTestModels;

namespace Crm.Bpm.Dmn.Tests.Tables;

public sealed class HitPolicyTests
{
    private static object? Decide(string decision, decimal score, string segment = "silver")
    {
        var result = Load("hit-policies.dmn").Evaluate(decision, Inputs(("Score", score), ("Segment", segment)));
        return Plain(result.Value);
    }

    private static Crm.Bpm.Dmn.Evaluation.DmnResult Evaluate(string decision, decimal score, string segment = "silver") =>
        Load("hit-policies.dmn").Evaluate(decision, Inputs(("Score", score), ("Segment", segment)));

    [Theory]
    [InlineData(10, "bronze")]
    [InlineData(50, "silver")]
    [InlineData(79.99, "silver")]
    [InlineData(80, "gold")]
    public void Unique_ReturnsTheOnlyMatchingRule(decimal score, string tier) =>
        Decide("Unique Tier", score).Should().Be(tier);

    [Fact]
    public void Unique_GivesNullWithAWarning_WhenTwoRulesMatch()
    {
        var result = Evaluate("Unique Overlap", 50);

        result.Value.IsNull.Should().BeTrue();
        result.Warnings.Should().ContainSingle().Which.Message.Should().Contain("rules 1 and 2");
    }

    [Fact]
    public void Unique_GivesNull_WhenNoRuleMatchesAndThereIsNoDefault()
    {
        var result = Load("hit-policies.dmn").Evaluate("Unique Tier", Inputs(("Score", null), ("Segment", "silver")));

        result.Value.IsNull.Should().BeTrue();
    }

    [Fact]
    public void Any_ReturnsTheCommonOutput_WhenMatchingRulesAgree() =>
        Decide("Any Flag", 90, "gold").Should().Be(true);

    [Fact]
    public void Any_GivesNullWithAWarning_WhenMatchingRulesDisagree()
    {
        var result = Evaluate("Any Conflict", 90, "gold");

        result.Value.IsNull.Should().BeTrue();
        result.Warnings.Should().ContainSingle().Which.Message.Should().Contain("different outputs");
    }

    [Theory]
    [InlineData(90, 20)]
    [InlineData(60, 10)]
    [InlineData(10, 0)]
    public void First_ReturnsTheFirstMatchingRuleInOrder(decimal score, int discount) =>
        Decide("First Discount", score).Should().Be((decimal)discount);

    [Theory]
    [InlineData(20, "high")]
    [InlineData(45, "medium")]
    [InlineData(70, "low")]
    public void Priority_ReturnsTheOutputRankedFirstInOutputValues(decimal score, string risk) =>
        Decide("Priority Risk", score).Should().Be(risk);

    [Fact]
    public void OutputOrder_ListsOutputsByOutputValuesOrder() =>
        Decide("Output Order Risks", 20).Should().BeEquivalentTo(new[] { "high", "medium", "low" }, o => o.WithStrictOrdering());

    [Fact]
    public void RuleOrder_ListsOutputsInRuleOrder() =>
        Decide("Rule Order Risks", 20).Should().BeEquivalentTo(new[] { "low", "medium", "high" }, o => o.WithStrictOrdering());

    [Fact]
    public void Collect_ListsEveryMatchingOutput() =>
        Decide("Collect Bonuses", 90, "gold").Should().BeEquivalentTo(new[] { 5m, 10m, 7m }, o => o.WithStrictOrdering());

    [Fact]
    public void Collect_GivesAnEmptyList_WhenNoRuleMatches() =>
        Decide("Collect Bonuses", 10).Should().BeEquivalentTo(Array.Empty<decimal>());

    [Theory]
    [InlineData("Bonus Sum", 22)]
    [InlineData("Bonus Min", 5)]
    [InlineData("Bonus Max", 10)]
    [InlineData("Bonus Count", 3)]
    public void CollectAggregation_AggregatesTheMatchingOutputs(string decision, int expected) =>
        Decide(decision, 90, "gold").Should().Be((decimal)expected);

    [Fact]
    public void CollectCount_IsZero_AndSumIsNull_WhenNoRuleMatches()
    {
        Decide("Bonus Count", 10).Should().Be(0m);
        Decide("Bonus Sum", 10).Should().BeNull();
    }

    [Fact]
    public void MultipleOutputs_GiveAContextKeyedByOutputName() =>
        Decide("Offer", 70).Should().BeEquivalentTo(new Dictionary<string, object?> { ["product"] = "premium", ["rate"] = 0.02m });

    [Fact]
    public void DefaultOutputEntry_IsTheResult_WhenNoRuleMatches()
    {
        Decide("Default Tier", 10).Should().Be("guest");
        Decide("Default Tier", 60).Should().Be("member");
    }

    [Fact]
    public void DefaultOutputEntry_OfAMultipleHitTable_IsAOneElementList()
    {
        Decide("Default Flags", 10).Should().BeEquivalentTo(new[] { "none" });
        Decide("Default Flags", 90).Should().BeEquivalentTo(new[] { "member", "vip" }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void InputOutsideInputValues_GivesNullWithAWarning()
    {
        var result = Evaluate("Checked Tier", 150);

        result.Value.IsNull.Should().BeTrue();
        result.Warnings.Should().ContainSingle().Which.Should().Match<Diagnostics.Diagnostic>(w =>
            w.Code == DmnDiagnosticCodes.EvaluationWarning && w.Message.Contains("not among its input values"));
        Decide("Checked Tier", 60).Should().Be("gold");
    }

    [Fact]
    public void OutputOutsideOutputValues_GivesNullWithAWarning()
    {
        var result = Evaluate("Output Checked", 60);

        result.Value.IsNull.Should().BeTrue();
        result.Warnings.Should().ContainSingle().Which.Message.Should().Contain("not among its output values");
    }

    [Fact]
    public void ResultNotConformingToTheDecisionType_IsNull()
    {
        Decide("Typed Tier", 10).Should().Be("bronze");
        var result = Evaluate("Typed Tier", 60);
        result.Value.IsNull.Should().BeTrue();
        result.Warnings.Should().ContainSingle().Which.Message.Should().Contain("does not conform to the type 'string'");
    }
}
