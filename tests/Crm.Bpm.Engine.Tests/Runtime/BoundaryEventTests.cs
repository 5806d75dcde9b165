using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Tests.Runtime;

public sealed class BoundaryEventTests
{
    private const string Case = """{"caseId": "K1", "deadline": "2025-01-03T00:00:00Z"}""";

    [Fact]
    public void InterruptingSignalBoundary_CancelsTheTask()
    {
        var h = new RuntimeHarness("boundaries.bpmn");
        var key = h.Start("boundaries", Case);

        h.Signal("stop");

        h.Path(key).Should().EndWith(["Stop", "End_Stopped"]);
        h.Engine.GetSubscriptions(key).Should().BeEmpty();
        h.Engine.GetTimers(key).Should().BeEmpty();
    }

    [Fact]
    public void NonInterruptingMessageBoundary_AddsAPath_AndKeepsTheTaskAndItsOtherBoundaries()
    {
        var h = new RuntimeHarness("boundaries.bpmn");
        var key = h.Start("boundaries", Case);

        h.Correlate("nudge", "K1").Correlations.Should().Be(1);

        h.OpenTasks(key).Should().BeEquivalentTo("Task_Work", "Task_Nudged");
        h.Engine.GetTimers(key).Should().ContainSingle();
        h.CompleteTask(key, "Task_Work");
        h.Engine.GetSubscriptions(key).Should().BeEmpty("the task's boundary subscriptions close with it");
    }

    [Fact]
    public void TimerBoundary_OnADate_FiresWhenTheClockReachesIt()
    {
        var h = new RuntimeHarness("boundaries.bpmn");
        var key = h.Start("boundaries", Case);

        h.AdvanceClock(TimeSpan.FromDays(1)).Correlations.Should().Be(0);
        h.AdvanceClock(TimeSpan.FromDays(1)).Correlations.Should().Be(1);

        h.Path(key).Should().EndWith(["Deadline", "End_Missed"]);
        h.State(key).Should().Be(ProcessInstanceState.Completed);
    }

    [Fact]
    public void CompensatingACompletedSubProcess_RunsTheHandlersOfItsActivities()
    {
        var h = new RuntimeHarness("boundaries.bpmn");
        var key = h.Start("compensate-subprocess");

        h.CompleteJob(key, "reserve");
        h.CompleteJob(key, "release");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Path(key).Should().ContainInOrder("C_Sub", "C_Release", "C_Undo", "C_End");
    }
}
