using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Tests.Runtime;

public sealed class CallActivityTests
{
    [Fact]
    public void CallActivity_StartsTheChildNamedByFeel_PassesVariables_AndWaitsForIt()
    {
        var h = new RuntimeHarness("call-activity.bpmn");
        var parent = h.Start("parent", """{"childId": "child", "amount": 21}""");

        var child = h.Engine.GetCalledInstances(parent).Should().ContainSingle().Subject;
        child.BpmnProcessId.Should().Be("child");
        child.Variables["doubled"].GetInt32().Should().Be(42);
        child.Variables["amount"].GetInt32().Should().Be(21);
        h.State(parent).Should().Be(ProcessInstanceState.Active);

        h.CompleteJob(child.Key, "child-work", """{"ok": true, "result": "done"}""");

        h.State(child.Key).Should().Be(ProcessInstanceState.Completed);
        h.State(parent).Should().Be(ProcessInstanceState.Completed);
        h.Path(parent).Should().Equal("Start", "Call_Child", "End_Ok");
        h.Variable(parent, "result").Should().Be("\"done\"");
    }

    [Fact]
    public void CallActivity_WithoutPropagation_PassesOnlyItsInputs_AndTakesBackOnlyItsOutputs()
    {
        var h = new RuntimeHarness("call-activity.bpmn");
        var parent = h.Start("parent-isolated", """{"amount": 5, "secret": "s"}""");
        var child = h.Engine.GetCalledInstances(parent).Single();
        child.Variables.Keys.Should().Equal("amount");

        h.CompleteJob(child.Key, "child-work", """{"ok": true, "result": "r", "noise": 1}""");

        h.State(parent).Should().Be(ProcessInstanceState.Completed);
        h.Variable(parent, "childResult").Should().Be("\"r\"");
        h.Instance(parent).Variables.Should().NotContainKey("result").And.NotContainKey("noise");
    }

    [Fact]
    public void ErrorThrownInsideTheCalledProcess_IsCaughtOnTheCallActivity_AndTheChildIsTerminated()
    {
        var h = new RuntimeHarness("call-activity.bpmn");
        var parent = h.Start("parent", """{"childId": "child", "amount": 1}""");
        var child = h.Engine.GetCalledInstances(parent).Single();

        h.CompleteJob(child.Key, "child-work", """{"ok": false}""");

        h.State(child.Key).Should().Be(ProcessInstanceState.Terminated);
        h.State(parent).Should().Be(ProcessInstanceState.Completed);
        h.Path(parent).Should().Equal("Start", "Boundary_ChildFailed", "End_Failed");
        h.Terminated(parent).Should().Equal("Call_Child");
    }

    [Fact]
    public void CallActivity_ForAProcessThatIsNotDeployed_RaisesAnIncident()
    {
        var h = new RuntimeHarness("call-activity.bpmn");

        var parent = h.Start("parent", """{"childId": "missing", "amount": 1}""");

        var incident = h.Incidents(parent).Should().ContainSingle().Subject;
        incident.Type.Should().Be(IncidentType.CalledElementError);
        incident.Message.Should().Contain("missing");
    }

    [Fact]
    public void CancellingTheParent_TerminatesTheCalledInstance()
    {
        var h = new RuntimeHarness("call-activity.bpmn");
        var parent = h.Start("parent", """{"childId": "child", "amount": 1}""");
        var child = h.Engine.GetCalledInstances(parent).Single();

        h.Run(new CancelProcessInstance(parent)).Succeeded.Should().BeTrue();

        h.State(parent).Should().Be(ProcessInstanceState.Terminated);
        h.State(child.Key).Should().Be(ProcessInstanceState.Terminated);
        h.Engine.GetJobs().Should().BeEmpty();
    }

    [Fact]
    public void CancellingTheCalledInstance_IsRefused()
    {
        var h = new RuntimeHarness("call-activity.bpmn");
        var parent = h.Start("parent", """{"childId": "child", "amount": 1}""");
        var child = h.Engine.GetCalledInstances(parent).Single();

        var result = h.Run(new CancelProcessInstance(child.Key));

        result.Error!.Code.Should().Be(CommandErrorCode.InvalidState);
        h.State(child.Key).Should().Be(ProcessInstanceState.Active);
    }
}
