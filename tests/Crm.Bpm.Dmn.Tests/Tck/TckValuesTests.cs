using Crm.Bpm.Dmn.Tck;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Tests.Tck;

public sealed class TckValuesTests
{
    [Theory]
    [InlineData("decimal", "1.50", "1.5")]
    [InlineData("decimal", "100", "1E+2")]
    [InlineData("double", "0.30000000000000004", "0.3")]
    public void Numbers_CompareByValue(string xsdType, string expected, string actual) =>
        TckValues.Matches(new TckSimple(xsdType, expected), FeelValue.From(decimal.Parse(actual, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)), out _).Should().BeTrue();

    [Fact]
    public void Numbers_ThatDiffer_DoNotMatch()
    {
        TckValues.Matches(new TckSimple("decimal", "1.5"), FeelValue.From(1.51m), out var difference).Should().BeFalse();
        difference.Should().Contain("1.5").And.Contain("1.51");
    }

    [Fact]
    public void Strings_CompareExactly() =>
        TckValues.Matches(new TckSimple("string", "Approved"), FeelValue.From("approved"), out _).Should().BeFalse();

    [Fact]
    public void Nil_MatchesOnlyNull()
    {
        TckValues.Matches(TckNil.Instance, FeelValue.Null, out _).Should().BeTrue();
        TckValues.Matches(TckNil.Instance, FeelValue.From(""), out _).Should().BeFalse();
    }

    [Fact]
    public void Dates_CompareByValue()
    {
        TckValues.Matches(new TckSimple("date", "2024-02-29"), FeelValue.From(new DateOnly(2024, 2, 29)), out _).Should().BeTrue();
        TckValues.Matches(new TckSimple("duration", "P1DT2H"), FeelValue.From(TimeSpan.FromHours(26)), out _).Should().BeTrue();
    }

    [Fact]
    public void Lists_CompareElementWise()
    {
        var expected = new TckList([new TckSimple("decimal", "1"), new TckSimple("string", "a")]);

        TckValues.Matches(expected, FeelValue.From(new object[] { 1, "a" }), out _).Should().BeTrue();
        TckValues.Matches(expected, FeelValue.From(new object[] { "a", 1 }), out var difference).Should().BeFalse();
        difference.Should().StartWith("item 1");
    }

    [Fact]
    public void Components_CompareByName_AndRejectExtraEntries()
    {
        var expected = new TckComponents([new("Status", new TckSimple("string", "Approved")), new("Rate", new TckSimple("string", "Best"))]);

        TckValues.Matches(expected, FeelValue.From(new Dictionary<string, object?> { ["Rate"] = "Best", ["Status"] = "Approved" }), out _).Should().BeTrue();
        TckValues.Matches(expected, FeelValue.From(new Dictionary<string, object?> { ["Rate"] = "Best", ["Status"] = "Approved", ["X"] = 1 }), out var difference).Should().BeFalse();
        difference.Should().Contain("'X'");
    }

    [Fact]
    public void InputValues_BecomeTypedFeelValues()
    {
        TckValues.ToFeel(new TckSimple("decimal", "18")).Should().BeOfType<FeelNumber>();
        TckValues.ToFeel(new TckSimple("boolean", "true")).Should().Be(FeelBoolean.True);
        TckValues.ToFeel(new TckSimple("dateTime", "2016-12-24T23:59:00-08:00")).Should().BeOfType<FeelDateTime>();
        TckValues.ToFeel(new TckSimple("duration", "P1Y2M")).Should().BeOfType<FeelYearsMonthsDuration>();
        TckValues.ToFeel(new TckComponents([new("a", TckNil.Instance)])).Should().BeOfType<FeelContext>().Which["a"].IsNull.Should().BeTrue();
    }

    [Fact]
    public void TestFileReader_ReadsInputsResultsInvocationsAndErrorResults()
    {
        var (file, problem) = TckTestFileReader.Read(Path.Combine(Crm.Bpm.Testing.SharedData.DmnTckFolder, "compliance-level-3", "0085-decision-services", "0085-decision-services-test-01.xml"));

        problem.Should().BeNull();
        file!.ModelName.Should().Be("0085-decision-services.dmn");
        var service = file.TestCases.First(t => t.Id == "002_b" || t.InvocableName == "decisionService_002");
        service.Kind.Should().Be(TckInvocableKind.DecisionService);
        file.TestCases.Should().Contain(t => t.ResultNodes.Any(r => r.ErrorResult));
    }
}
