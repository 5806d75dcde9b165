using Crm.Bpm.Dmn.Evaluation;
using static Crm.Bpm.Dmn.Tests.DmnTestModels;

namespace Crm.Bpm.Dmn.Tests.Evaluation;

public sealed class DmnVersionTests
{
    [Theory]
    [InlineData("dmn11-discount.dmn")]
    [InlineData("dmn12-discount.dmn")]
    [InlineData("dmn13-discount.dmn")]
    [InlineData("dmn14-discount.dmn")]
    [InlineData("dmn15-discount.dmn")]
    public void SameTable_GivesTheSameResults_InEveryDmnVersion(string file)
    {
        var loaded = DmnModel.Load(TestFiles.Fixture(file));
        loaded.Diagnostics.Should().BeEmpty();
        var model = loaded.Model!;

        Plain(model.Evaluate("Discount", Inputs(("Customer Type", "Business"), ("Order Amount", 1500))).Value).Should().Be(0.15m);
        Plain(model.Evaluate("Discount", Inputs(("Customer Type", "Private"), ("Order Amount", 1500))).Value).Should().Be(0m);

        // tCustomerType allows only "Business" and "Private": another value makes the input null, so only the catch-all rule matches.
        Plain(model.Evaluate("Discount", Inputs(("Customer Type", "Partner"), ("Order Amount", 1500))).Value).Should().Be(0m);
    }
}
