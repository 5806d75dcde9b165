using Crm.Bpm.Engine.Hosting;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Engine.Tests.Runtime;

namespace Crm.Bpm.Engine.Tests.Hosting;

/// <summary>The timer scheduler fires what it acquired in batches of <see cref="TimerSchedulerOptions.MaxTimersPerTransaction"/>, one commit each.</summary>
public sealed class TimerBatchSchedulerTests
{
    private sealed class BatchRecordingStore : ForwardingProcessStore
    {
        public System.Collections.Concurrent.ConcurrentQueue<int> BatchSizes { get; } = new();

        public override void CommitBatch(IReadOnlyList<StoreChanges> batch)
        {
            BatchSizes.Enqueue(batch.Count);
            base.CommitBatch(batch);
        }
    }

    [Fact]
    public async Task AcquiredTimers_AreFiredInBatchesOfAtMostTheConfiguredSize()
    {
        var store = new BatchRecordingStore();
        await using var harness = new HostingHarness(store);
        await harness.StartExecutor(new JobHandlerRegistry().Add("charge", (_, _) => Task.FromResult(JobOutcome.Complete())));
        var instances = Enumerable.Range(0, 7).Select(_ => harness.Start("wait-then-charge")).ToList();
        var scheduler = await harness.StartScheduler(options: HostingHarness.SchedulerOptions("node-a") with { MaxTimersPerTransaction = 3 });

        harness.Clock.Advance(TimeSpan.FromHours(1));
        harness.Signal.TimersDue();

        await Eventually.Until(() => instances.All(i => harness.State(i) == ProcessInstanceState.Completed), "all 7 timers fire and the jobs complete");
        scheduler.TimersFired.Should().Be(7);
        scheduler.FiringsRefused.Should().Be(0);
        store.BatchSizes.Should().NotBeEmpty().And.OnlyContain(size => size >= 2 && size <= 3, "firings go in batches of up to 3 (a single one commits on its own)");
    }

    [Fact]
    public async Task WithOneTimerPerTransaction_EachFiringCommitsOnItsOwn()
    {
        var store = new BatchRecordingStore();
        await using var harness = new HostingHarness(store);
        var instances = Enumerable.Range(0, 4).Select(_ => harness.Start("wait-then-charge")).ToList();
        var scheduler = await harness.StartScheduler(options: HostingHarness.SchedulerOptions("node-a") with { MaxTimersPerTransaction = 1 });

        harness.Clock.Advance(TimeSpan.FromHours(1));
        harness.Signal.TimersDue();

        await Eventually.Until(() => scheduler.TimersFired == 4, "all 4 timers fire");
        store.BatchSizes.Should().BeEmpty();
        instances.Should().OnlyContain(i => harness.Engine.GetTimers(i).Count == 0);
    }

    [Fact]
    public void MaxTimersPerTransaction_BelowOne_IsRefused()
    {
        var engine = new Crm.Bpm.Engine.Runtime.ProcessEngine();

        var act = () => new TimerScheduler(engine, new TimerSchedulerOptions { NodeId = "node-a", MaxTimersPerTransaction = 0 });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
