using System.Collections.Concurrent;
using Crm.Bpm.Engine.Hosting;
using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Tests.Hosting;

public sealed class TimerSchedulerTests
{
    [Fact]
    public async Task DueTimer_IsFired_AndTheJobItLeadsToRunsOnTheSameNode()
    {
        await using var harness = new HostingHarness();
        var charged = new ConcurrentBag<long>();
        await harness.StartExecutor(new JobHandlerRegistry().Add("charge", (job, _) =>
        {
            charged.Add(job.ProcessInstanceKey);
            return Task.FromResult(JobOutcome.Complete());
        }));
        var scheduler = await harness.StartScheduler();
        var instance = harness.Start("wait-then-charge");
        harness.Engine.GetTimers(instance).Should().ContainSingle().Which.ElementId.Should().Be("W_Wait");

        harness.Clock.Advance(TimeSpan.FromHours(1));
        harness.Signal.TimersDue();

        await Eventually.Until(() => harness.State(instance) == ProcessInstanceState.Completed, "the timer fires and the charge job completes");
        charged.Should().Equal(instance);
        scheduler.TimersFired.Should().Be(1);
        harness.Engine.GetTimers(instance).Should().BeEmpty();
    }

    [Fact]
    public async Task TwoSchedulersOnOneEngine_NeverFireATimerTwice()
    {
        await using var harness = new HostingHarness();
        await harness.StartExecutor(new JobHandlerRegistry().Add("charge", (_, _) => Task.FromResult(JobOutcome.Complete())));
        var a = await harness.StartScheduler("node-a");
        var b = await harness.StartScheduler("node-b");
        var instances = Enumerable.Range(0, 250).Select(_ => harness.Start("wait-then-charge")).ToList();

        harness.Clock.Advance(TimeSpan.FromHours(1));
        harness.Signal.TimersDue();

        await Eventually.Until(() => instances.All(i => harness.State(i) == ProcessInstanceState.Completed), "all 250 instances complete");
        (a.TimersFired + b.TimersFired).Should().Be(250, "each timer fires exactly once");
        (a.FiringsRefused + b.FiringsRefused).Should().Be(0, "no scheduler acquired a timer the other held");
    }

    [Fact]
    public async Task TimerNotYetDue_IsNotFired()
    {
        await using var harness = new HostingHarness();
        var scheduler = await harness.StartScheduler();
        var instance = harness.Start("wait-then-charge");

        harness.Clock.Advance(TimeSpan.FromMinutes(59));
        var looksBefore = scheduler.Looks;
        await Eventually.Until(() => scheduler.Looks >= looksBefore + 2, "the scheduler looks for due timers twice after the clock moved");

        harness.Engine.GetTimers(instance).Should().ContainSingle("the timer is due only after an hour");
        harness.State(instance).Should().Be(ProcessInstanceState.Active);
        scheduler.TimersFired.Should().Be(0);
    }
}
