using Crm.Bpm.Connectors.Tests.Infrastructure;
using Crm.Bpm.Connectors.Triggers;
using Crm.Bpm.Entities.Records;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Connectors.Tests.Triggers;

/// <summary>Reading <c>crm:recordTrigger</c> elements from BPMN sources (docs/crm-extensions.md).</summary>
public sealed class RecordTriggerReaderTests
{
    [Fact]
    public void LeadQualification_StartsOnLeadCreated()
    {
        var source = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "processes", "lead-qualification", "lead-qualification.bpmn"));

        var trigger = RecordTriggerReader.Read(source, "lead-qualification", 3).Should().ContainSingle().Subject;

        trigger.Id.Should().Be("lead-qualification/StartEvent_LeadCreated");
        trigger.Entity.Should().Be("Lead");
        trigger.On.Should().Be(RecordChangeKind.Created);
        trigger.StartsInstance.Should().BeTrue();
        trigger.IsNoneStart.Should().BeTrue();
        trigger.Version.Should().Be(3);
        trigger.Problem.Should().BeNull();
    }

    [Fact]
    public void ACatchEventTrigger_CorrelatesTheElementsMessage_WithItsFieldsAndKey()
    {
        var trigger = RecordTriggerReader.Read(File.ReadAllText(CrmTestWorld.Fixture("lead-nurture.bpmn")), "lead-nurture", 1).Should().ContainSingle().Subject;

        trigger.StartsInstance.Should().BeFalse();
        trigger.MessageName.Should().Be("lead-status-changed");
        trigger.On.Should().Be(RecordChangeKind.Updated);
        trigger.Fields.Should().BeEquivalentTo("status");
        trigger.CorrelationKey!.Text.Should().Be("record.id");
        trigger.Problem.Should().BeNull();
    }

    [Fact]
    public void AWrongTrigger_IsKeptWithItsProblems()
    {
        var trigger = RecordTriggerReader.Read(File.ReadAllText(CrmTestWorld.Fixture("wrong-trigger.bpmn")), "wrong-trigger", 1).Single();

        trigger.Problem.Should().Contain("'on' must be created, updated or deleted, not 'changed'").And.Contain("condition '=record.name =' is not valid FEEL");
    }

    [Fact]
    public void AnotherProcessOfTheFile_HasNoTriggers()
    {
        RecordTriggerReader.Read(File.ReadAllText(CrmTestWorld.Fixture("lead-nurture.bpmn")), "some-other-process", 1).Should().BeEmpty();
    }
}
