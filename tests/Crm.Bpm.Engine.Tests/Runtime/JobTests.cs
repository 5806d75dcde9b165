using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Jobs;

namespace Crm.Bpm.Engine.Tests.Runtime;

public sealed class JobTests
{
    [Fact]
    public void ServiceTask_CreatesAJobOfItsFeelType_WithRetriesAndHeaders_AndWaits()
    {
        var h = new RuntimeHarness("jobs.bpmn");

        var key = h.Start("service", """{"method": "card"}""");

        var job = h.Job(key, "payment:card");
        job.Retries.Should().Be(2);
        job.CustomHeaders.Should().Contain("currency", "EUR");
        job.ElementId.Should().Be("Task_Charge");
        job.Variables.Should().ContainKey("method");
        h.State(key).Should().Be(ProcessInstanceState.Active);
    }

    [Fact]
    public void CompletingTheJob_ContinuesThePath()
    {
        var h = new RuntimeHarness("jobs.bpmn");
        var key = h.Start("service", """{"method": "card"}""");

        h.CompleteJob(key, "payment:card", """{"receipt": "R-1"}""");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Path(key).Should().Equal("Start", "Task_Charge", "End_Paid");
        h.Variable(key, "receipt").Should().Be("\"R-1\"");
    }

    [Fact]
    public void FailingTheJob_WithRetriesLeft_KeepsItWaiting_WithTheNewRetriesAndBackoff()
    {
        var h = new RuntimeHarness("jobs.bpmn");
        var key = h.Start("service", """{"method": "card"}""");
        var job = h.Job(key, "payment:card");

        var result = h.Run(new FailJob(job.Key, 1) { ErrorMessage = "gateway timeout", RetryBackoff = TimeSpan.FromMinutes(5) });

        result.Succeeded.Should().BeTrue();
        var after = h.Job(key, "payment:card");
        after.Retries.Should().Be(1);
        after.State.Should().Be(JobState.Activatable);
        after.ErrorMessage.Should().Be("gateway timeout");
        after.RetryAfter.Should().Be(h.Clock.Now.AddMinutes(5));
        h.Incidents(key).Should().BeEmpty();
    }

    [Fact]
    public void FailingTheJob_WithNoRetriesLeft_RaisesAnIncident_AndResolvingGivesItBack()
    {
        var h = new RuntimeHarness("jobs.bpmn");
        var key = h.Start("service", """{"method": "card"}""");
        var job = h.Job(key, "payment:card");

        h.Run(new FailJob(job.Key, 0) { ErrorMessage = "card blocked" }).Succeeded.Should().BeTrue();

        var incident = h.Incidents(key).Should().ContainSingle().Subject;
        incident.Type.Should().Be(IncidentType.JobNoRetries);
        incident.JobKey.Should().Be(job.Key);
        incident.Message.Should().Contain("card blocked");
        h.Run(new CompleteJob(job.Key)).Error!.Code.Should().Be(CommandErrorCode.InvalidState);

        h.Run(new ResolveIncident(incident.Key)).Succeeded.Should().BeTrue();

        h.Incidents(key).Should().BeEmpty();
        h.Job(key, "payment:card").Retries.Should().Be(1);
        h.CompleteJob(key, "payment:card");
        h.State(key).Should().Be(ProcessInstanceState.Completed);
    }

    [Fact]
    public void ThrowingABpmnError_IsCaughtByTheBoundaryWithItsCode()
    {
        var h = new RuntimeHarness("jobs.bpmn");
        var key = h.Start("service", """{"method": "card"}""");
        var job = h.Job(key, "payment:card");

        h.Run(new ThrowError(job.Key, "DECLINED") { Variables = RuntimeHarness.Vars("""{"reason": "limit"}""") }).Succeeded.Should().BeTrue();

        h.OpenTasks(key).Should().Equal("Task_Notify");
        h.Terminated(key).Should().Equal("Task_Charge");
        h.Variable(key, "reason").Should().Be("\"limit\"");
        h.Engine.GetJobs(key).Should().BeEmpty();
    }

    [Fact]
    public void ThrowingABpmnError_NothingCatches_RaisesAnIncident()
    {
        var h = new RuntimeHarness("jobs.bpmn");
        var key = h.Start("service", """{"method": "card"}""");
        var job = h.Job(key, "payment:card");

        h.Run(new ThrowError(job.Key, "NOT_FOUND") { ErrorMessage = "no account" }).Succeeded.Should().BeTrue();

        var incident = h.Incidents(key).Should().ContainSingle().Subject;
        incident.Type.Should().Be(IncidentType.UnhandledErrorEvent);
        incident.Message.Should().Contain("NOT_FOUND");
        h.Job(key, "payment:card").State.Should().Be(JobState.ErrorThrown);
        h.State(key).Should().Be(ProcessInstanceState.Active);
    }

    [Fact]
    public void CompletingAnUnknownJob_IsRefused()
    {
        var h = new RuntimeHarness("jobs.bpmn");

        var result = h.Run(new CompleteJob(424242));

        result.Error!.Code.Should().Be(CommandErrorCode.NotFound);
    }

    [Fact]
    public void FailJob_WithNegativeRetries_IsRefused()
    {
        var h = new RuntimeHarness("jobs.bpmn");
        var key = h.Start("service", """{"method": "card"}""");

        var result = h.Run(new FailJob(h.Job(key, "payment:card").Key, -1));

        result.Error!.Code.Should().Be(CommandErrorCode.InvalidArgument);
        h.Job(key, "payment:card").Retries.Should().Be(2);
    }
}
