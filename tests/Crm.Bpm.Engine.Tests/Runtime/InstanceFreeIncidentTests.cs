using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Incidents;

namespace Crm.Bpm.Engine.Tests.Runtime;

public sealed class InstanceFreeIncidentTests
{
    private static ProcessEngine DeployedEngine()
    {
        var engine = new ProcessEngine();
        engine.Deploy(File.ReadAllText(Path.Combine(RuntimeHarness.FixturesFolder, "straight.bpmn")), "straight.bpmn").Succeeded.Should().BeTrue();
        return engine;
    }

    [Fact]
    public void RaiseIncident_OpensAnIncidentWithoutInstance_AndResolvingItClosesIt()
    {
        var engine = DeployedEngine();

        var raised = engine.Execute(new RaiseIncident(IncidentType.TriggerConditionError, "straight", "Start", "The trigger condition failed: no variable 'lead'."));

        raised.Succeeded.Should().BeTrue();
        var incident = engine.GetIncidents().Should().ContainSingle().Subject;
        incident.ProcessInstanceKey.Should().Be(0);
        incident.ElementId.Should().Be("Start");
        incident.Message.Should().Contain("no variable 'lead'");

        var resolved = engine.ResolveIncident(incident.Key);

        resolved.Succeeded.Should().BeTrue(resolved.Error?.Message);
        engine.GetIncidents().Should().BeEmpty();
        engine.GetInstances().Should().BeEmpty("resolving an incident outside any instance runs nothing");
    }

    [Fact]
    public void ResolveIncident_Twice_IsRefusedTheSecondTime()
    {
        var engine = DeployedEngine();
        engine.Execute(new RaiseIncident(IncidentType.TriggerConditionError, "straight", "Start", "failed"));
        var key = engine.GetIncidents().Single().Key;
        engine.ResolveIncident(key).Succeeded.Should().BeTrue();

        var again = engine.ResolveIncident(key);

        again.Succeeded.Should().BeFalse();
        again.Error!.Code.Should().Be(CommandErrorCode.NotFound);
    }

    [Fact]
    public void RaiseIncident_OnAnUnknownElement_IsRefusedAndOpensNothing()
    {
        var engine = DeployedEngine();

        var raised = engine.Execute(new RaiseIncident(IncidentType.TriggerConditionError, "straight", "NoSuchElement", "failed"));

        raised.Succeeded.Should().BeFalse();
        raised.Error!.Message.Should().Contain("no element 'NoSuchElement'");
        engine.GetIncidents().Should().BeEmpty();
    }
}
