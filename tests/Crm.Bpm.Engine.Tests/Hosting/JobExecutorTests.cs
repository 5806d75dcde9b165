using System.Collections.Concurrent;
using Crm.Bpm.Engine.Hosting;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Jobs;

namespace Crm.Bpm.Engine.Tests.Hosting;

public sealed class JobExecutorTests
{
    [Fact]
    public async Task Handler_CompletesTheJob_AndTheInstanceEndsWithItsVariables()
    {
        await using var harness = new HostingHarness();
        var seen = new ConcurrentBag<string>();
        await harness.StartExecutor(new JobHandlerRegistry().Add("charge", (job, _) =>
        {
            seen.Add(job.NodeId);
            return Task.FromResult(JobOutcome.Complete(new Dictionary<string, object?> { ["paid"] = true }));
        }));

        var instance = harness.Start("charge");

        await Eventually.Until(() => harness.State(instance) == ProcessInstanceState.Completed, "the instance completes");
        harness.Engine.GetInstance(instance)!.Variables["paid"].GetBoolean().Should().BeTrue();
        seen.Should().Equal("node-a");
        harness.Engine.GetJobs(instance).Should().BeEmpty();
    }

    [Fact]
    public async Task FailedJob_IsRetriedAfterAnExponentialBackoff_ThenCompletes()
    {
        await using var harness = new HostingHarness();
        var calls = 0;
        await harness.StartExecutor(new JobHandlerRegistry().Add("charge", (_, _) =>
            Task.FromResult(Interlocked.Increment(ref calls) <= 2 ? JobOutcome.Fail("gateway down") : JobOutcome.Complete())));

        var instance = harness.Start("charge");
        var started = harness.Clock.Now;

        await Eventually.Until(() => harness.Engine.GetJobs(instance).Single().Retries == 2, "the first failure is recorded");
        var job = harness.Engine.GetJobs(instance).Single();
        job.State.Should().Be(JobState.Activatable);
        job.ErrorMessage.Should().Be("gateway down");
        job.RetryAfter.Should().Be(started + TimeSpan.FromSeconds(10), "the first back-off is the initial one");
        job.Worker.Should().BeNull("a failed job is free for any node");

        harness.Clock.Advance(TimeSpan.FromSeconds(10));
        harness.Signal.JobsAvailable();
        await Eventually.Until(() => harness.Engine.GetJobs(instance).Single().Retries == 1, "the second failure is recorded");
        harness.Engine.GetJobs(instance).Single().RetryAfter.Should().Be(started + TimeSpan.FromSeconds(10) + TimeSpan.FromSeconds(20), "each failure doubles the back-off");

        harness.Clock.Advance(TimeSpan.FromSeconds(20));
        harness.Signal.JobsAvailable();
        await Eventually.Until(() => harness.State(instance) == ProcessInstanceState.Completed, "the third attempt completes the instance");
        calls.Should().Be(3);
    }

    [Fact]
    public async Task RetriesRunOut_OpensAnIncident_AndResolvingItRunsTheJobAgain()
    {
        await using var harness = new HostingHarness();
        var calls = 0;
        var healthy = false;
        var options = HostingHarness.ExecutorOptions("node-a") with { InitialRetryBackoff = TimeSpan.Zero };
        var executor = await harness.StartExecutor(
            new JobHandlerRegistry().Add("charge", (_, _) =>
            {
                Interlocked.Increment(ref calls);
                return Task.FromResult(Volatile.Read(ref healthy) ? JobOutcome.Complete() : JobOutcome.Fail("card service refused"));
            }),
            options);

        var instance = harness.Start("charge");

        await Eventually.Until(() => harness.Engine.GetIncidents(instance).Count == 1, "an incident opens when the retries run out");
        var incident = harness.Engine.GetIncidents(instance).Single();
        incident.Type.Should().Be(IncidentType.JobNoRetries);
        incident.Message.Should().Contain("card service refused");
        harness.Engine.GetJobs(instance).Single().State.Should().Be(JobState.Failed);
        calls.Should().Be(3, "the task has three retries");
        executor.JobsFailed.Should().Be(3);

        Volatile.Write(ref healthy, true);
        var resolved = harness.Engine.ResolveIncident(incident.Key);
        resolved.Succeeded.Should().BeTrue(resolved.Error?.ToString());
        harness.Signal.Observe(resolved);

        await Eventually.Until(() => harness.State(instance) == ProcessInstanceState.Completed, "the resolved job runs again and completes");
        calls.Should().Be(4);
        harness.Engine.GetIncidents(instance).Should().BeEmpty();
    }

    [Fact]
    public async Task HandlerThatThrows_FailsTheJobWithTheExceptionMessage()
    {
        await using var harness = new HostingHarness();
        await harness.StartExecutor(new JobHandlerRegistry().Add("charge", (_, _) => throw new InvalidOperationException("no route to the bank")));

        var instance = harness.Start("charge");

        await Eventually.Until(() => harness.Engine.GetJobs(instance).Single().Retries == 2, "the failure is recorded");
        harness.Engine.GetJobs(instance).Single().ErrorMessage.Should().Be("InvalidOperationException: no route to the bank");
    }

    [Fact]
    public async Task BpmnError_FromTheHandler_IsCaughtByTheBoundaryEvent()
    {
        await using var harness = new HostingHarness();
        var executor = await harness.StartExecutor(new JobHandlerRegistry().Add("charge", (_, _) =>
            Task.FromResult(JobOutcome.Error("DECLINED", "card expired", new Dictionary<string, object?> { ["reason"] = "expired" }))));

        var instance = harness.Start("charge");

        await Eventually.Until(() => harness.Engine.GetUserTasks(instance).Count == 1, "the error boundary leads to the notify task");
        harness.Engine.GetUserTasks(instance).Single().ElementId.Should().Be("Task_Notify");
        harness.Engine.GetJobs(instance).Should().BeEmpty();
        harness.Engine.GetIncidents(instance).Should().BeEmpty();
        harness.Engine.GetVariables(instance)["reason"].GetString().Should().Be("expired");
        executor.ErrorsThrown.Should().Be(1);
    }

    [Fact]
    public async Task TwoExecutorsOnOneEngine_NeverRunAJobTwice()
    {
        await using var harness = new HostingHarness();
        var runs = new ConcurrentDictionary<long, int>();
        JobHandlerRegistry Handlers() => new JobHandlerRegistry().Add("charge", async (job, ct) =>
        {
            runs.AddOrUpdate(job.Key, 1, (_, n) => n + 1);
            await Task.Yield();
            return JobOutcome.Complete();
        });
        await harness.StartExecutor(Handlers(), HostingHarness.ExecutorOptions("node-a") with { MaxConcurrency = 4, MaxJobsPerActivation = 3 });
        await harness.StartExecutor(Handlers(), HostingHarness.ExecutorOptions("node-b") with { MaxConcurrency = 4, MaxJobsPerActivation = 3 });

        var instances = Enumerable.Range(0, 300).Select(_ => harness.Start("charge")).ToList();

        await Eventually.Until(() => instances.All(i => harness.State(i) == ProcessInstanceState.Completed), "all 300 instances complete");
        runs.Should().HaveCount(300);
        runs.Values.Should().OnlyContain(n => n == 1, "no job may run twice");
    }

    [Fact]
    public async Task JobWhoseLockExpired_IsTakenByAnotherNode_AndTheCrashedNodesLateResultIsRefused()
    {
        await using var harness = new HostingHarness();
        var instance = harness.Start("charge");
        var crashed = harness.Engine.ActivateJobs(["charge"], "node-crashed", 1, TimeSpan.FromSeconds(30)).Single();
        crashed.Worker.Should().Be("node-crashed");
        crashed.Deadline.Should().Be(harness.Clock.Now + TimeSpan.FromSeconds(30));

        var ranOn = new ConcurrentBag<string>();
        await harness.StartExecutor(
            new JobHandlerRegistry().Add("charge", (job, _) =>
            {
                ranOn.Add(job.NodeId);
                return Task.FromResult(JobOutcome.Complete());
            }),
            HostingHarness.ExecutorOptions("node-b"));
        harness.Engine.GetJobs(instance).Single().Worker.Should().Be("node-crashed", "the lock holds until its deadline");

        harness.Clock.Advance(TimeSpan.FromSeconds(31));
        harness.Signal.JobsAvailable();

        await Eventually.Until(() => harness.State(instance) == ProcessInstanceState.Completed, "another node takes the expired job");
        ranOn.Should().Equal("node-b");
        harness.Engine.CompleteJob(crashed.Key).Succeeded.Should().BeFalse("the job was already completed by the node that took it over");
    }

    [Fact]
    public async Task Stopping_CancelsRunningHandlers_AndLeavesTheirJobsLockedUntilExpiry()
    {
        await using var harness = new HostingHarness();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var executor = await harness.StartExecutor(new JobHandlerRegistry().Add("charge", async (_, ct) =>
        {
            entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return JobOutcome.Complete();
        }));
        var instance = harness.Start("charge");
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await executor.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var job = harness.Engine.GetJobs(instance).Single();
        job.State.Should().Be(JobState.Activated);
        job.Worker.Should().Be("node-a");
        job.Retries.Should().Be(3, "a stop is not a failure of the job");
        executor.ExecuteTask!.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public void RetryBackoff_DoublesPerEarlierFailure_UpToTheMaximum()
    {
        var options = new JobExecutorOptions { NodeId = "n", InitialRetryBackoff = TimeSpan.FromSeconds(1), MaxRetryBackoff = TimeSpan.FromSeconds(5) };
        static JobRecord Job(int retries) => new() { Key = 1, Type = "t", ProcessInstanceKey = 2, ElementInstanceKey = 3, ElementId = "e", BpmnProcessId = "p", ProcessDefinitionKey = 4, Retries = retries };

        options.RetryBackoff(Job(3)).Should().Be(TimeSpan.FromSeconds(1));
        options.RetryBackoff(Job(2)).Should().Be(TimeSpan.FromSeconds(2));
        options.RetryBackoff(Job(1)).Should().Be(TimeSpan.FromSeconds(4));
        options.RetryBackoff(Job(0)).Should().Be(TimeSpan.FromSeconds(5));
        options.RetryBackoff(Job(10)).Should().Be(TimeSpan.FromSeconds(1));
    }
}
