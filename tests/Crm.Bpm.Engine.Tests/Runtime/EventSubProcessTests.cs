using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Tests.Runtime;

public sealed class EventSubProcessTests
{
    [Fact]
    public void InterruptingEventSubProcess_CancelsTheProcessWork_AndTheProcessEndsWithIt()
    {
        var h = new RuntimeHarness("event-subprocesses.bpmn");
        var key = h.Start("esp-interrupting", """{"id": "C1"}""");

        h.Correlate("cancel-request", "C1").Correlations.Should().Be(1);

        h.OpenTasks(key).Should().Equal("Task_Cleanup");
        h.Terminated(key).Should().Equal("Task_Work");
        h.CompleteTask(key, "Task_Cleanup");
        h.State(key).Should().Be(ProcessInstanceState.Completed);
    }

    [Fact]
    public void InterruptingEventSubProcess_IsNotTriggered_AfterTheProcessEnded()
    {
        var h = new RuntimeHarness("event-subprocesses.bpmn");
        var key = h.Start("esp-interrupting", """{"id": "C1"}""");
        h.CompleteTask(key, "Task_Work");

        h.Correlate("cancel-request", "C1").Correlations.Should().Be(0);

        h.Path(key).Should().NotContain("Task_Cleanup");
    }

    [Fact]
    public void NonInterruptingEventSubProcess_RunsBesideTheWork_AndTheProcessWaitsForBoth()
    {
        var h = new RuntimeHarness("event-subprocesses.bpmn");
        var key = h.Start("esp-non-interrupting");

        h.AdvanceClock(TimeSpan.FromHours(1));

        h.OpenTasks(key).Should().BeEquivalentTo("N_Work", "N_Remind");
        h.CompleteTask(key, "N_Work");
        h.State(key).Should().Be(ProcessInstanceState.Active);
        h.CompleteTask(key, "N_Remind");
        h.State(key).Should().Be(ProcessInstanceState.Completed);
    }

    [Fact]
    public void ErrorEventSubProcess_CatchesAnErrorThrownInANestedSubProcess()
    {
        var h = new RuntimeHarness("event-subprocesses.bpmn");
        var key = h.Start("esp-error");

        h.Run(new Crm.Bpm.Engine.Runtime.Commands.ThrowError(h.Job(key, "charge").Key, "FAILED")).Succeeded.Should().BeTrue();

        h.OpenTasks(key).Should().Equal("E_Handle");
        h.Terminated(key).Should().Equal("E_Charge", "E_Sub");
        h.CompleteTask(key, "E_Handle");
        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Path(key).Should().NotContain("E_End");
    }

    [Fact]
    public void ErrorEventSubProcess_DoesNotCatchAnotherCode()
    {
        var h = new RuntimeHarness("event-subprocesses.bpmn");
        var key = h.Start("esp-error");

        h.Run(new Crm.Bpm.Engine.Runtime.Commands.ThrowError(h.Job(key, "charge").Key, "OTHER")).Succeeded.Should().BeTrue();

        h.Incidents(key).Should().ContainSingle().Which.ElementId.Should().Be("E_Charge");
        h.OpenTasks(key).Should().BeEmpty();
    }
}
