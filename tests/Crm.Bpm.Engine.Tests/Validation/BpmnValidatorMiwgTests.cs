using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Processes;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Engine.Tests.Validation;

/// <summary>The BPMN MIWG reference models are correct BPMN 2.0: the validator must find no structural error in them.</summary>
public sealed class BpmnValidatorMiwgTests
{
    public static TheoryData<string> MiwgFiles
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.EnumerateFiles(SharedData.MiwgFolder, "*.bpmn").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }

            return data;
        }
    }

    [Fact]
    public void MiwgFolder_HoldsTheTwentyOneReferenceModels()
    {
        MiwgFiles.Should().HaveCount(21);
    }

    [Theory]
    [MemberData(nameof(MiwgFiles))]
    public void MiwgModel_HasNoStructuralError(string name)
    {
        var outcome = ValidationFixture.Run(Path.Combine(SharedData.MiwgFolder, name));

        outcome.ValidatorFindings.Where(d => d.IsError && d.Code.StartsWith("BPMN1", StringComparison.Ordinal))
            .Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(MiwgFiles))]
    public void MiwgModel_HasExecutionFindings_OnlyInExecutableProcesses(string name)
    {
        var outcome = ValidationFixture.Run(Path.Combine(SharedData.MiwgFolder, name));

        foreach (var finding in outcome.ValidatorFindings.Where(d => d.Code.StartsWith("BPMN2", StringComparison.Ordinal)))
        {
            ProcessOf(outcome.Model, finding.ElementId)?.IsExecutable.Should().BeTrue($"{finding} is an execution finding");
        }
    }

    private static Process? ProcessOf(BpmnDefinitions model, string? id) =>
        id is null ? null : model.Index.Find(id) as Process ?? model.Index.ProcessOf(id);
}
