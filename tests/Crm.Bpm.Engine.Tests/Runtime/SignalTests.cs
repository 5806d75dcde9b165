using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Tests.Runtime;

public sealed class SignalTests
{
    [Fact]
    public void Signal_IsBroadcastToEveryWaitingInstance_AndStartsSignalStartProcesses()
    {
        var h = new RuntimeHarness("signals.bpmn");
        var one = h.Start("signal-catch");
        var two = h.Start("signal-catch");

        h.Signal("campaign-stopped").Correlations.Should().Be(2);
        h.Signal("campaign-started").Correlations.Should().Be(1);

        h.State(one).Should().Be(ProcessInstanceState.Completed);
        h.State(two).Should().Be(ProcessInstanceState.Completed);
        h.Engine.GetInstances("signal-start").Should().ContainSingle();
    }

    [Fact]
    public void Signal_WithAnotherName_TriggersNothing()
    {
        var h = new RuntimeHarness("signals.bpmn");
        var key = h.Start("signal-catch");

        h.Signal("something-else").Correlations.Should().Be(0);

        h.State(key).Should().Be(ProcessInstanceState.Active);
    }

    [Fact]
    public void SignalThrowEvents_BroadcastFromInsideAProcess()
    {
        var h = new RuntimeHarness("signals.bpmn");
        var waiting = h.Start("signal-catch");

        var thrower = h.Start("signal-throw");

        h.State(thrower).Should().Be(ProcessInstanceState.Completed);
        h.State(waiting).Should().Be(ProcessInstanceState.Completed);
        h.Engine.GetInstances("signal-start").Should().ContainSingle("the signal end event starts the signal-start process");
    }

    [Fact]
    public void NonInterruptingSignalBoundary_StartsAPathEachTime_AndTheTaskStays()
    {
        var h = new RuntimeHarness("signals.bpmn");
        var key = h.Start("signal-boundary");

        h.Signal("ping");
        h.Signal("ping");

        h.OpenTasks(key).Should().BeEquivalentTo("B_Run", "B_Pong", "B_Pong");
        h.CompleteTask(key, "B_Run");
        h.Signal("ping").Correlations.Should().Be(0);
    }
}
