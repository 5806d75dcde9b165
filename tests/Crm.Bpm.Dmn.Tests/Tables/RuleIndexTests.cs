using static Crm.Bpm.Dmn.Tests.DmnTestModels;

namespace Crm.Bpm.Dmn.Tests.Tables;

public sealed class RuleIndexTests
{
    private static object? Decide(string decision, object? region, decimal? amount) =>
        Plain(Load("indexed-tables.dmn").Evaluate(decision, Inputs(("Region", region), ("Amount", amount))).Value);

    [Theory]
    [InlineData("North", 5000, "n-big")]
    [InlineData("South", 5000, "any-huge")]
    [InlineData("South", 5, "ns")]
    [InlineData("West", -1, "west-neg")]
    [InlineData("West", 5, "west")]
    [InlineData("Mars", -1, "neg")]
    [InlineData("Mars", 5, "other")]
    [InlineData(7, 5, "other")]
    [InlineData(null, 5000, "any-huge")]
    public void First_OfAnIndexedTable_KeepsRuleOrderAcrossDashRules(object? region, int amount, string expected) =>
        Decide("Region First", region, amount).Should().Be(expected);

    [Fact]
    public void RuleOrder_OfAnIndexedTable_ListsEveryMatchInRuleOrder() =>
        Decide("Region Rules", "North", 5000).Should().BeEquivalentTo(new[] { "n-big", "any-huge", "ns", "other" }, o => o.WithStrictOrdering());
}
