using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Tests.Runtime;

public sealed class TimerTests
{
    [Fact]
    public void BoundaryTimerOnASubProcess_InterruptsEverythingInside()
    {
        var h = new RuntimeHarness("timers.bpmn");
        var key = h.Start("sub-timer");
        h.CompleteTask(key, "Sub_Task");
        h.OpenTasks(key).Should().Equal("Sub_Task_2");

        h.AdvanceClock(TimeSpan.FromHours(1));

        h.OpenTasks(key).Should().Equal("Task_Escalate");
        h.Terminated(key).Should().Equal("Sub_Task_2", "Sub");
        h.Engine.GetTimers(key).Should().BeEmpty();
    }

    [Fact]
    public void BoundaryTimerOnASubProcess_RunsFromTheSubProcessStart_NotFromEachTask()
    {
        var h = new RuntimeHarness("timers.bpmn");
        var key = h.Start("sub-timer");
        h.AdvanceClock(TimeSpan.FromMinutes(50));
        h.CompleteTask(key, "Sub_Task");

        h.AdvanceClock(TimeSpan.FromMinutes(10));

        h.OpenTasks(key).Should().Equal("Task_Escalate");
    }

    [Fact]
    public void BoundaryTimerOnATask_IsClosed_WhenTheTaskCompletesFirst()
    {
        var h = new RuntimeHarness("timers.bpmn");
        var key = h.Start("task-timer", """{"sla": "PT30M"}""");
        h.Engine.GetTimers(key).Should().ContainSingle().Which.DueDate.Should().Be(h.Clock.Now.AddMinutes(30));

        h.CompleteTask(key, "T_Task");
        h.AdvanceClock(TimeSpan.FromHours(2));

        h.OpenTasks(key).Should().Equal("T_Next");
        h.Path(key).Should().NotContain("T_Timeout");
        h.Engine.GetTimers(key).Should().BeEmpty();
    }

    [Fact]
    public void BoundaryTimerOnATask_InterruptsOnlyThatTask()
    {
        var h = new RuntimeHarness("timers.bpmn");
        var key = h.Start("task-timer", """{"sla": "PT30M"}""");

        h.AdvanceClock(TimeSpan.FromMinutes(29));
        h.OpenTasks(key).Should().Equal("T_Task");
        h.AdvanceClock(TimeSpan.FromMinutes(1));

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Path(key).Should().EndWith(["T_Timeout", "T_End_Late"]);
    }

    [Fact]
    public void BoundaryTimer_WithADurationThatIsNotIso8601_RaisesAnIncident()
    {
        var h = new RuntimeHarness("timers.bpmn");

        var key = h.Start("task-timer", """{"sla": "half an hour"}""");

        h.Incidents(key).Should().ContainSingle().Which.Message.Should().Contain("half an hour");
        h.OpenTasks(key).Should().BeEmpty();
    }

    [Fact]
    public void NonInterruptingCycleR3_FiresExactlyThreeTimes_EvenWhenTheClockJumps()
    {
        var h = new RuntimeHarness("timers.bpmn");
        var key = h.Start("cycle");

        var fired = h.AdvanceClock(TimeSpan.FromHours(5));

        fired.Correlations.Should().Be(3);
        h.Engine.GetJobs(key, "remind").Should().HaveCount(3);
        h.OpenTasks(key).Should().Equal("C_Task");
        h.Engine.GetTimers(key).Should().BeEmpty();
        h.AdvanceClock(TimeSpan.FromHours(10)).Correlations.Should().Be(0);
    }

    [Fact]
    public void NonInterruptingCycle_FiresOncePerInterval()
    {
        var h = new RuntimeHarness("timers.bpmn");
        var key = h.Start("cycle");

        h.AdvanceClock(TimeSpan.FromMinutes(59)).Correlations.Should().Be(0);
        h.AdvanceClock(TimeSpan.FromMinutes(1)).Correlations.Should().Be(1);
        h.AdvanceClock(TimeSpan.FromHours(1)).Correlations.Should().Be(1);

        h.Engine.GetJobs(key, "remind").Should().HaveCount(2);
    }

    [Fact]
    public void IntermediateTimerCatch_WaitsForItsDuration()
    {
        var h = new RuntimeHarness("timers.bpmn");
        var key = h.Start("timer-catch", """{"wait": "P1D"}""");

        h.AdvanceClock(TimeSpan.FromHours(23));
        h.State(key).Should().Be(ProcessInstanceState.Active);
        h.AdvanceClock(TimeSpan.FromHours(1));

        h.State(key).Should().Be(ProcessInstanceState.Completed);
    }

    [Fact]
    public void IntermediateTimerCatch_OnADate_FiresAtThatDate()
    {
        var h = new RuntimeHarness("timers.bpmn");
        var key = h.Start("timer-date");

        h.Engine.GetTimers(key).Single().DueDate.Should().Be(new DateTimeOffset(2025, 1, 1, 5, 0, 0, TimeSpan.Zero));
        h.AdvanceClock(TimeSpan.FromHours(5));

        h.State(key).Should().Be(ProcessInstanceState.Completed);
    }

    [Fact]
    public void TimerStartEvent_StartsAnInstancePerRepetition()
    {
        var h = new RuntimeHarness("timer-start.bpmn");

        h.AdvanceClock(TimeSpan.FromHours(3));

        var started = h.Engine.GetInstances("timer-start");
        started.Should().HaveCount(2);
        started.Should().OnlyContain(i => i.State == ProcessInstanceState.Active);
        h.Engine.GetUserTasks().Count(t => t.ElementId == "S_Task").Should().Be(2);
    }

    [Fact]
    public void FireDueTimers_BeforeAnythingIsDue_DoesNothing()
    {
        var h = new RuntimeHarness("timers.bpmn");
        var key = h.Start("timer-catch", """{"wait": "PT1H"}""");

        var result = h.AdvanceClock(TimeSpan.FromMinutes(1));

        result.Correlations.Should().Be(0);
        h.State(key).Should().Be(ProcessInstanceState.Active);
    }
}
