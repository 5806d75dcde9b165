using Crm.Bpm.Engine.Hosting;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Engine.Tests.Hosting;

public sealed class StoreOutageTests
{
    [Fact]
    public async Task UnreachableStore_IsRetriedWithBackoff_AndJobsAndTimersRunWhenItIsBack()
    {
        var store = new FlakyStore(new InMemoryProcessStore());
        await using var harness = new HostingHarness(store);
        var executor = await harness.StartExecutor(
            new JobHandlerRegistry().Add("charge", (_, _) => Task.FromResult(JobOutcome.Complete())),
            HostingHarness.ExecutorOptions("node-a") with { UnavailableBackoff = TimeSpan.FromMilliseconds(5), MaxUnavailableBackoff = TimeSpan.FromMilliseconds(40) });
        var scheduler = await harness.StartScheduler(
            options: HostingHarness.SchedulerOptions("node-a") with { UnavailableBackoff = TimeSpan.FromMilliseconds(5), MaxUnavailableBackoff = TimeSpan.FromMilliseconds(40) });
        store.Down = true;
        var charge = harness.Start("charge");
        var waiting = harness.Start("wait-then-charge");
        harness.Clock.Advance(TimeSpan.FromHours(1));

        await Eventually.Until(() => store.Failures >= 6, "both services keep trying the unreachable store");
        harness.State(charge).Should().Be(ProcessInstanceState.Active);
        harness.State(waiting).Should().Be(ProcessInstanceState.Active);
        executor.ExecuteTask!.IsCompleted.Should().BeFalse("the executor outlives the outage");
        scheduler.ExecuteTask!.IsCompleted.Should().BeFalse("the scheduler outlives the outage");

        store.Down = false;

        await Eventually.Until(() => harness.State(charge) == ProcessInstanceState.Completed && harness.State(waiting) == ProcessInstanceState.Completed, "both instances complete once the store is back");
        executor.JobsCompleted.Should().Be(2);
        scheduler.TimersFired.Should().Be(1);
    }
}
