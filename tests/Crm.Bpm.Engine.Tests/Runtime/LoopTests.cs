using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Tests.Runtime;

public sealed class LoopTests
{
    [Fact]
    public void ParallelMultiInstance_CreatesOneTaskPerItem_AndCollectsOutputsInItemOrder()
    {
        var h = new RuntimeHarness("loops.bpmn");
        var key = h.Start("mi-parallel", """{"reviewers": ["ann", "bob", "cy"]}""");
        var tasks = h.Engine.GetUserTasks(key);
        tasks.Select(t => t.Assignee).Should().Equal("ann", "bob", "cy");

        h.CompleteTaskByKey(tasks[2].Key, """{"vote": "no"}""");
        h.CompleteTaskByKey(tasks[0].Key, """{"vote": "yes"}""");
        h.State(key).Should().Be(ProcessInstanceState.Active);
        h.CompleteTaskByKey(tasks[1].Key, """{"vote": "maybe"}""");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Variable(key, "votes").Should().Be("""["yes","maybe","no"]""");
    }

    [Fact]
    public void ParallelMultiInstance_OverAnEmptyCollection_CompletesAtOnce()
    {
        var h = new RuntimeHarness("loops.bpmn");

        var key = h.Start("mi-parallel", """{"reviewers": []}""");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Variable(key, "votes").Should().Be("[]");
    }

    [Fact]
    public void MultiInstance_OverSomethingThatIsNotAList_RaisesAnIncident()
    {
        var h = new RuntimeHarness("loops.bpmn");

        var key = h.Start("mi-parallel", """{"reviewers": "ann"}""");

        var incident = h.Incidents(key).Should().ContainSingle().Subject;
        incident.Type.Should().Be(IncidentType.ExtractValueError);
        incident.Message.Should().Contain("list");
    }

    [Fact]
    public void MultiInstance_WithACompletionCondition_EndsEarly_AndTerminatesTheRest()
    {
        var h = new RuntimeHarness("loops.bpmn");
        var key = h.Start("mi-completion", """{"approvers": ["a", "b", "c"]}""");
        var tasks = h.Engine.GetUserTasks(key);

        h.CompleteTaskByKey(tasks[1].Key);
        h.State(key).Should().Be(ProcessInstanceState.Active);
        h.CompleteTaskByKey(tasks[0].Key);

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.OpenTasks(key).Should().BeEmpty();
        h.Terminated(key).Should().Equal("C_Approve");
    }

    [Fact]
    public void MultiInstance_WithACompletionCondition_RunsAllWhileItIsFalse()
    {
        var h = new RuntimeHarness("loops.bpmn");
        var key = h.Start("mi-completion", """{"approvers": ["a", "b", "c"]}""");

        h.CompleteTaskByKey(h.Engine.GetUserTasks(key)[0].Key);

        h.OpenTasks(key).Should().HaveCount(2);
        h.Terminated(key).Should().BeEmpty();
    }

    [Fact]
    public void SequentialMultiInstance_RunsOneItemAfterAnother()
    {
        var h = new RuntimeHarness("loops.bpmn");
        var key = h.Start("mi-sequential", """{"items": [1, 2, 3]}""");

        for (var expected = 1; expected <= 3; expected++)
        {
            var job = h.Job(key, "process-item");
            job.Variables["item"].GetInt32().Should().Be(expected);
            job.Variables["loopCounter"].GetInt32().Should().Be(expected);
            h.CompleteJob(key, "process-item");
        }

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Variable(key, "results").Should().Be("[10,20,30]");
    }

    [Fact]
    public void StandardLoop_RepeatsWhileItsConditionHolds()
    {
        var h = new RuntimeHarness("loops.bpmn");
        var key = h.Start("loop", """{"done": false}""");

        h.CompleteJob(key, "try", """{"done": false}""");
        h.CompleteJob(key, "try", """{"done": true}""");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Path(key).Count(e => e == "L_Try").Should().Be(3, "two iterations and the loop body");
    }

    [Fact]
    public void StandardLoop_StopsAtItsLoopMaximum()
    {
        var h = new RuntimeHarness("loops.bpmn");
        var key = h.Start("loop", """{"done": false}""");

        for (var i = 0; i < 5; i++)
        {
            h.CompleteJob(key, "try");
        }

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Engine.GetJobs(key).Should().BeEmpty();
    }

    [Fact]
    public void StandardLoop_WithAConditionThatIsNotBoolean_RaisesAnIncident()
    {
        var h = new RuntimeHarness("loops.bpmn");
        var key = h.Start("loop", """{"done": false}""");

        h.CompleteJob(key, "try", """{"done": "soon"}""");

        h.Incidents(key).Should().ContainSingle().Which.Type.Should().Be(IncidentType.ConditionError);
    }
}
