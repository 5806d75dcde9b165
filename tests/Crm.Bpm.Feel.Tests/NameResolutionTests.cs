using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Tests;

/// <summary>DMN 1.5 §10.3.1.2: names with spaces and operator characters, resolved with the names known at parse time.</summary>
public class NameResolutionTests
{
    private static FeelScope Scope(params (string Name, FeelValue Value)[] entries) => FeelScope.Of(entries);

    [Fact]
    public void NameWithSpaces_IsReadAsOneName()
    {
        var scope = Scope(("Applicant Age", FeelNumber.Of(40)));

        FeelAssert.Json("Applicant Age + 2", scope, ["Applicant Age"]).Should().Be("42");
    }

    [Fact]
    public void NameWithSpaces_IsReadAsOneName_EvenWhenNotDeclared()
    {
        var scope = Scope(("Monthly Income", FeelNumber.Of(3000)));

        FeelAssert.Json("Monthly Income * 12", scope).Should().Be("36000");
    }

    [Fact]
    public void NameWithExtraSpacesInText_MatchesTheKnownName()
    {
        var scope = Scope(("Applicant Age", FeelNumber.Of(40)));

        FeelAssert.Json("Applicant   Age", scope, ["Applicant Age"]).Should().Be("40");
    }

    [Theory]
    [InlineData("Loan-to-value")]
    [InlineData("km/h")]
    [InlineData("Client's Age")]
    [InlineData("A+B")]
    [InlineData("x*y")]
    [InlineData("order.total")]
    public void NameWithOperatorCharacter_IsOneName_WhenKnown(string name)
    {
        var scope = Scope((name, FeelNumber.Of(7)));

        FeelAssert.Json($"{name} + 1", scope, [name]).Should().Be("8");
    }

    [Fact]
    public void NameWithHyphen_IsSubtraction_WhenNotKnown()
    {
        var scope = Scope(("Loan", FeelNumber.Of(10)), ("to", FeelNumber.Of(3)), ("value", FeelNumber.Of(2)));

        FeelAssert.Json("Loan-to-value", scope).Should().Be("5");
    }

    [Fact]
    public void LongestKnownName_Wins()
    {
        var scope = Scope(("Total", FeelNumber.Of(1)), ("Total Amount", FeelNumber.Of(100)));

        FeelAssert.Json("Total Amount", scope, ["Total", "Total Amount"]).Should().Be("100");
    }

    [Fact]
    public void KnownNameContainingKeyword_IsOneName()
    {
        var scope = Scope(("date of birth", FeelDate.TryParse("2000-01-02")!));

        FeelAssert.Json("date of birth.year", scope, ["date of birth"]).Should().Be("2000");
    }

    [Fact]
    public void BuiltinNamesWithSpaces_NeedNoDeclaration()
    {
        FeelAssert.Json("string length(\"abc\") + day of year(date(\"2024-02-01\"))").Should().Be("35");
    }

    [Fact]
    public void ContextKeyWithSpaces_IsVisibleToLaterEntries()
    {
        FeelAssert.Json("{Base Rate: 2, Total Rate: Base Rate * 3}.Total Rate").Should().Be("6");
    }

    [Fact]
    public void ContextKeyWithKeyword_IsVisibleToLaterEntries()
    {
        FeelAssert.Json("{rate of interest: 5, doubled: rate of interest * 2}.doubled").Should().Be("10");
    }

    [Fact]
    public void PathAfterName_ReadsEntryWithSpaces()
    {
        var applicant = FeelContext.Of(("Monthly Income", FeelNumber.Of(1000)));
        var scope = Scope(("Applicant", applicant));

        FeelAssert.Json("Applicant.Monthly Income", scope).Should().Be("1000");
    }

    [Fact]
    public void FilterOnContexts_ReadsItemEntriesWithSpaces()
    {
        var rows = FeelList.Of(FeelContext.Of(("unit price", FeelNumber.Of(5))), FeelContext.Of(("unit price", FeelNumber.Of(50))));
        var scope = Scope(("rows", rows));

        FeelAssert.Json("rows[unit price > 10].unit price", scope).Should().Be("[50]");
    }

    [Fact]
    public void VariableShadowsBuiltinFunctionName()
    {
        var scope = Scope(("sum", FeelNumber.Of(5)));

        FeelAssert.Json("sum + 1", scope).Should().Be("6");
    }

    [Fact]
    public void UnknownName_IsNullWithWarning()
    {
        var (value, context) = FeelAssert.EvalWithContext("missing + 1");

        value.Should().Be(FeelValue.Null);
        context.Warnings.Should().Contain(w => w.Code == FeelWarningCodes.UnknownName && w.Message.Contains("missing"));
    }

    [Fact]
    public void NestedScopes_LookUpParentsAfterOwnNames()
    {
        var outer = new FeelScope().Set("a", FeelNumber.Of(1)).Set("b", FeelNumber.Of(2));
        var inner = new FeelScope(outer).Set("b", FeelNumber.Of(20));

        FeelAssert.Json("a + b", inner).Should().Be("21");
    }
}
