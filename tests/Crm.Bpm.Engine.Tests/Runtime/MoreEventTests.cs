using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Tests.Runtime;

public sealed class MoreEventTests
{
    [Fact]
    public void ErrorEndEvent_InASubProcess_IsCaughtByACatchAllBoundary()
    {
        var h = new RuntimeHarness("more-events.bpmn");

        var key = h.Start("error-end-sub");

        h.OpenTasks(key).Should().Equal("A_Repair");
        h.Terminated(key).Should().Contain("A_Sub");
        h.Path(key).Should().NotContain("A_End");
    }

    [Fact]
    public void ErrorEndEvent_NothingCatches_RaisesAnIncidentOnTheEndEvent()
    {
        var h = new RuntimeHarness("more-events.bpmn");

        var key = h.Start("error-end-uncaught");

        var incident = h.Incidents(key).Should().ContainSingle().Subject;
        incident.ElementId.Should().Be("U_Fail");
        incident.Type.Should().Be(IncidentType.UnhandledErrorEvent);
        h.State(key).Should().Be(ProcessInstanceState.Active);
    }

    [Fact]
    public void EscalationEndEvent_CaughtByAnInterruptingBoundary_CancelsTheSubProcess()
    {
        var h = new RuntimeHarness("more-events.bpmn");

        var key = h.Start("escalation-end");

        h.OpenTasks(key).Should().Equal("B_Helper");
        h.Terminated(key).Should().Contain(["B_Work", "B_Sub"]);
    }

    [Fact]
    public void NonInterruptingMessageEventSubProcess_CanRunSeveralTimes_BesideTheWork()
    {
        var h = new RuntimeHarness("more-events.bpmn");
        var key = h.Start("esp-message-signal", """{"id": "X"}""");

        h.Correlate("note", "X").Correlations.Should().Be(1);
        h.Correlate("note", "X").Correlations.Should().Be(1);

        h.OpenTasks(key).Should().BeEquivalentTo("C_Work", "C_Note", "C_Note");
    }

    [Fact]
    public void InterruptingSignalEventSubProcess_EndsTheProcess()
    {
        var h = new RuntimeHarness("more-events.bpmn");
        var key = h.Start("esp-message-signal", """{"id": "X"}""");
        h.Correlate("note", "X");

        h.Signal("abort").Correlations.Should().Be(1);

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.OpenTasks(key).Should().BeEmpty();
        h.Engine.GetSubscriptions(key).Should().BeEmpty();
    }

    [Fact]
    public void CompensationEndEvent_NamingOneActivity_RunsOnlyItsHandler()
    {
        var h = new RuntimeHarness("more-events.bpmn");
        var key = h.Start("compensation-end");
        h.CompleteJob(key, "book");
        h.CompleteJob(key, "pay");

        h.Engine.GetJobs(key).Select(j => j.Type).Should().Equal("unbook");
        h.CompleteJob(key, "unbook");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Path(key).Should().NotContain("D_Refund");
    }

    [Fact]
    public void SendTaskAndMessageThrowEvent_WithAJobType_WaitForTheirJobs_WithoutOne_PassThrough()
    {
        var h = new RuntimeHarness("more-events.bpmn");
        var key = h.Start("send");

        h.CompleteJob(key, "mail");
        h.State(key).Should().Be(ProcessInstanceState.Active);
        h.CompleteJob(key, "notify");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Path(key).Should().Equal("E_Start", "E_Send", "E_Notify", "E_Nothing", "E_End");
    }

    [Fact]
    public void BoundaryTimerOnAMultiInstanceActivity_InterruptsAllItsInstances()
    {
        var h = new RuntimeHarness("more-events.bpmn");
        var key = h.Start("mi-boundary");
        h.CompleteTaskByKey(h.Engine.GetUserTasks(key)[0].Key);

        h.AdvanceClock(TimeSpan.FromHours(1));

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Path(key).Should().EndWith(["F_Late", "F_End_Late"]);
        h.OpenTasks(key).Should().BeEmpty();
    }
}
