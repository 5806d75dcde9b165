using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Jobs;

namespace Crm.Bpm.Engine.Tests.Runtime;

/// <summary>Workers take jobs with a lock that has an owner and an expiry; an expired lock can be taken over, a finished job cannot.</summary>
public sealed class JobActivationTests
{
    private static (DurableHarness H, long Key) ShipWaiting()
    {
        var h = new DurableHarness("durable.bpmn");
        var key = h.Start("order", """{"owner": "ann"}""");
        h.Engine.CompleteUserTask(h.Engine.GetUserTasks(key).Single().Key).Succeeded.Should().BeTrue();
        return (h, key);
    }

    [Fact]
    public void ActivateJobs_LocksTheJobForTheWorker_UntilTheDeadline()
    {
        var (h, _) = ShipWaiting();

        var taken = h.Engine.ActivateJobs("ship", "worker-1", 10, TimeSpan.FromMinutes(5));

        var job = taken.Should().ContainSingle().Subject;
        job.State.Should().Be(JobState.Activated);
        job.Worker.Should().Be("worker-1");
        job.Deadline.Should().Be(DurableHarness.T0.AddMinutes(5));
        h.Engine.ActivateJobs("ship", "worker-2", 10, TimeSpan.FromMinutes(5)).Should().BeEmpty("the lock is held");
        h.Engine.ActivateJobs(["other"], "worker-2", 10, TimeSpan.FromMinutes(5)).Should().BeEmpty("no job of that type");
    }

    [Fact]
    public void ExpiredLock_CanBeTakenOverByAnotherWorker_WhoCanCompleteTheJob()
    {
        var (h, key) = ShipWaiting();
        var first = h.Engine.ActivateJobs("ship", "worker-1", 1, TimeSpan.FromMinutes(5)).Single();
        h.Clock.Advance(TimeSpan.FromMinutes(6));

        var second = h.Engine.ActivateJobs("ship", "worker-2", 1, TimeSpan.FromMinutes(5)).Should().ContainSingle().Subject;

        second.Key.Should().Be(first.Key);
        second.Worker.Should().Be("worker-2");
        h.Engine.CompleteJob(second.Key).Succeeded.Should().BeTrue("an activated job can be completed");
        h.Engine.GetInstance(key)!.State.Should().Be(Engine.Runtime.Instances.ProcessInstanceState.Completed);
        h.Clock.Advance(TimeSpan.FromHours(1));
        h.Engine.ActivateJobs("ship", "worker-3", 1, TimeSpan.FromMinutes(5)).Should().BeEmpty("a completed job is gone");
        h.Engine.CompleteJob(second.Key).Error!.Code.Should().Be(CommandErrorCode.NotFound);
    }

    [Fact]
    public void FailJob_WithRetriesLeft_ReleasesTheLock_AndTheJobReturnsAfterItsBackoff()
    {
        var (h, _) = ShipWaiting();
        var job = h.Engine.ActivateJobs("ship", "worker-1", 1, TimeSpan.FromMinutes(5)).Single();

        h.Engine.FailJob(job.Key, 2, "carrier down", TimeSpan.FromMinutes(10)).Succeeded.Should().BeTrue();

        var failed = h.Engine.GetJobs(type: "ship").Single();
        failed.State.Should().Be(JobState.Activatable);
        failed.Worker.Should().BeNull();
        failed.Deadline.Should().BeNull();
        failed.Retries.Should().Be(2);
        h.Engine.ActivateJobs("ship", "worker-2", 1, TimeSpan.FromMinutes(5)).Should().BeEmpty("the back-off has not passed");
        h.Clock.Advance(TimeSpan.FromMinutes(10));
        h.Engine.ActivateJobs("ship", "worker-2", 1, TimeSpan.FromMinutes(5)).Should().ContainSingle(j => j.Key == job.Key);
    }

    [Fact]
    public void ActivateJobs_HandsOutAtMostMaxJobs_OldestFirst()
    {
        var h = new DurableHarness("durable.bpmn");
        var keys = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var key = h.Start("order", """{"owner": "ann"}""");
            h.Engine.CompleteUserTask(h.Engine.GetUserTasks(key).Single().Key).Succeeded.Should().BeTrue();
            keys.Add(h.Engine.GetJobs(key).Single().Key);
        }

        var firstTwo = h.Engine.ActivateJobs("ship", "w", 2, TimeSpan.FromMinutes(1));
        var rest = h.Engine.ActivateJobs("ship", "w", 2, TimeSpan.FromMinutes(1));

        firstTwo.Select(j => j.Key).Should().Equal(keys[0], keys[1]);
        rest.Select(j => j.Key).Should().Equal(keys[2]);
    }
}
