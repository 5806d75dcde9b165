using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Tests.Runtime;

public sealed class ThrowEventTests
{
    [Fact]
    public void Compensation_RunsTheHandlersOfCompletedActivities_InReverseOrder()
    {
        var h = new RuntimeHarness("throw-events.bpmn");
        var key = h.Start("compensation", """{"ok": false}""");
        h.CompleteJob(key, "book");
        h.CompleteJob(key, "charge");

        h.Engine.GetJobs(key).Select(j => j.Type).Should().Equal("refund");
        h.CompleteJob(key, "refund");
        h.Engine.GetJobs(key).Select(j => j.Type).Should().Equal("unbook");
        h.CompleteJob(key, "unbook");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Path(key).Should().Equal("Start", "Task_Book", "Task_Charge", "Gateway_Ok", "Undo_Charge", "Undo_Book", "Throw_Compensate", "End_Undone");
    }

    [Fact]
    public void Compensation_IsNotRun_WhenNothingThrowsIt()
    {
        var h = new RuntimeHarness("throw-events.bpmn");
        var key = h.Start("compensation", """{"ok": true}""");
        h.CompleteJob(key, "book");
        h.CompleteJob(key, "charge");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Path(key).Should().NotContain(["Undo_Charge", "Undo_Book"]);
    }

    [Fact]
    public void Compensation_OnlyCoversActivitiesThatCompleted()
    {
        var h = new RuntimeHarness("throw-events.bpmn");
        var key = h.Start("compensation", """{"ok": false}""");
        h.CompleteJob(key, "book");
        h.CompleteJob(key, "charge");

        h.Engine.GetJobs(key).Should().ContainSingle("only one handler runs at a time, newest first");
    }

    [Fact]
    public void Escalation_CaughtByANonInterruptingBoundary_LetsTheSubProcessContinue()
    {
        var h = new RuntimeHarness("throw-events.bpmn");

        var key = h.Start("escalation");

        h.OpenTasks(key).Should().BeEquivalentTo("E_Work", "E_Notify");
        h.CompleteTask(key, "E_Work");
        h.CompleteTask(key, "E_Notify");
        h.State(key).Should().Be(ProcessInstanceState.Completed);
    }

    [Fact]
    public void Escalation_NothingCatches_TheThrowEventJustContinues()
    {
        var h = new RuntimeHarness("throw-events.bpmn");

        var key = h.Start("escalation-uncaught");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Incidents(key).Should().BeEmpty();
    }

    [Fact]
    public void LinkEvents_JumpToTheCatchingLinkOfTheSameName()
    {
        var h = new RuntimeHarness("throw-events.bpmn");

        var key = h.Start("link");

        h.Path(key).Should().Equal("L_Start", "L_Jump", "L_Land", "L_After", "L_End");
    }

    [Fact]
    public void TerminateEndEvent_EndsTheProcess_AndTerminatesWhatElseRuns()
    {
        var h = new RuntimeHarness("throw-events.bpmn");

        var key = h.Start("terminate");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Terminated(key).Should().Equal("T_Slow");
        h.Engine.GetUserTasks(key).Should().BeEmpty();
    }

    [Fact]
    public void NoneEndEvent_OnOneBranch_LeavesTheOtherBranchRunning()
    {
        var h = new RuntimeHarness("gateways.bpmn");
        var key = h.Start("inclusive-nested", """{"a": false, "b": false, "c": true}""");

        h.CompleteTask(key, "Sub_Task_C");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
    }
}
