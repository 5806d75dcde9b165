using Crm.Bpm.Dmn.Evaluation;
using Crm.Bpm.Dmn.Parsing;

namespace Crm.Bpm.Dmn.Tests.Evaluation;

public sealed class EvaluationFailureTests
{
    private static DmnModelLoadResult Runaway() => DmnModel.Load(TestFiles.Fixture("runaway.dmn"));

    [Fact]
    public void RequirementCycle_IsReportedWhenTheModelIsCompiled()
    {
        var loaded = Runaway();

        loaded.Diagnostics.Should().ContainSingle(d => d.Code == DmnDiagnosticCodes.RequirementCycle)
            .Which.Message.Should().Contain("'Chicken'").And.Contain("'Egg'");
    }

    [Fact]
    public void RequirementCycle_EvaluatesToNullWithAWarning()
    {
        var result = Runaway().Model!.Evaluate("Chicken");

        result.Value.IsNull.Should().BeTrue();
        result.Warnings.Should().Contain(w => w.Message.Contains("requires itself"));
    }

    [Fact]
    public void EndlessRecursion_EvaluatesToNullWithAWarning_InsteadOfCrashing()
    {
        var result = Runaway().Model!.Evaluate("Runaway");

        result.Value.IsNull.Should().BeTrue();
        result.Warnings.Should().NotBeEmpty();
    }
}
