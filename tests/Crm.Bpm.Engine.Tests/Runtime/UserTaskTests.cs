using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Tests.Runtime;

public sealed class UserTaskTests
{
    [Fact]
    public void UserTask_EvaluatesAssignmentScheduleAndPriority_FromFeel()
    {
        var h = new RuntimeHarness("user-task.bpmn");

        var key = h.Start("user-task", """{"owner": "bob", "manager": "mia", "vip": true}""");

        var task = h.Task(key, "Task_Call");
        task.Name.Should().Be("Call the lead");
        task.Assignee.Should().Be("bob");
        task.CandidateUsers.Should().Equal("ann", "mia");
        task.CandidateGroups.Should().Equal("sales", "support");
        task.DueDate.Should().Be(h.Clock.Now.AddDays(2));
        task.FollowUpDate.Should().Be(new DateTimeOffset(2025, 1, 2, 9, 0, 0, TimeSpan.Zero));
        task.Priority.Should().Be(90);
        task.FormKey.Should().Be("call-form");
        h.State(key).Should().Be(ProcessInstanceState.Active);
    }

    [Fact]
    public void CompletingTheUserTask_MergesItsVariables_AndContinues()
    {
        var h = new RuntimeHarness("user-task.bpmn");
        var key = h.Start("user-task", """{"owner": "bob", "manager": "mia", "vip": false, "level": 40}""");

        h.CompleteTask(key, "Task_Call", """{"outcome": "reached"}""");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Variable(key, "outcome").Should().Be("\"reached\"");
        h.OpenTasks(key).Should().BeEmpty();
    }

    [Fact]
    public void UserTask_WithAPriorityThatIsNotANumber_RaisesAnIncident()
    {
        var h = new RuntimeHarness("user-task.bpmn");

        var key = h.Start("user-task", """{"owner": "bob", "manager": "mia", "vip": false, "level": "high"}""");

        h.OpenTasks(key).Should().BeEmpty();
        h.Incidents(key).Should().ContainSingle().Which.ElementId.Should().Be("Task_Call");
    }

    [Fact]
    public void CompletingAnUnknownTask_IsRefused_AndChangesNothing()
    {
        var h = new RuntimeHarness("user-task.bpmn");
        var key = h.Start("user-task", """{"owner": "bob", "manager": "mia", "vip": false, "level": 40}""");
        var before = StateSnapshot.Of(h);

        var result = h.Run(new CompleteUserTask(987654));

        result.Error!.Code.Should().Be(CommandErrorCode.NotFound);
        StateSnapshot.Of(h).Should().Be(before);
        h.OpenTasks(key).Should().Equal("Task_Call");
    }

    [Fact]
    public void CompletingATaskTwice_IsRefused_TheSecondTime()
    {
        var h = new RuntimeHarness("user-task.bpmn");
        var key = h.Start("user-task", """{"owner": "bob", "manager": "mia", "vip": false, "level": 40}""");
        var task = h.Task(key, "Task_Call");
        h.Run(new CompleteUserTask(task.Key)).Succeeded.Should().BeTrue();

        var again = h.Run(new CompleteUserTask(task.Key));

        again.Error!.Code.Should().Be(CommandErrorCode.NotFound);
    }
}
