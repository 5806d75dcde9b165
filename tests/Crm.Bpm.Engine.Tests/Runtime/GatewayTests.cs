using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Tests.Runtime;

public sealed class GatewayTests
{
    [Theory]
    [InlineData(5000, "End_Big")]
    [InlineData(700, "End_Medium")]
    public void ExclusiveGateway_TakesTheFirstFlowWhoseConditionHolds(int amount, string end)
    {
        var h = new RuntimeHarness("gateways.bpmn");

        var key = h.Start("exclusive", $$"""{"amount": {{amount}}}""");

        h.Path(key).Should().Equal("Start", "Gateway_Amount", end);
    }

    [Fact]
    public void ExclusiveGateway_TakesDefaultFlow_WhenNoConditionMatches()
    {
        var h = new RuntimeHarness("gateways.bpmn");

        var key = h.Start("exclusive", """{"amount": 10}""");

        h.Path(key).Should().Equal("Start", "Gateway_Amount", "End_Small");
        h.State(key).Should().Be(ProcessInstanceState.Completed);
    }

    [Fact]
    public void ExclusiveGateway_WithoutMatchOrDefault_RaisesAnIncident_AndResolvingRetriesIt()
    {
        var h = new RuntimeHarness("gateways.bpmn");
        var key = h.Start("exclusive-no-default", """{"approved": "maybe"}""");

        var incident = h.Incidents(key).Should().ContainSingle().Subject;
        incident.ElementId.Should().Be("Gateway_Strict");
        incident.Type.Should().Be(IncidentType.ConditionError);
        h.State(key).Should().Be(ProcessInstanceState.Active);

        h.Run(new SetVariables(key) { Variables = RuntimeHarness.Vars("""{"approved": true}""") }).Succeeded.Should().BeTrue();
        h.Run(new ResolveIncident(incident.Key)).Succeeded.Should().BeTrue();

        h.Incidents(key).Should().BeEmpty();
        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Path(key).Should().Equal("Start2", "Gateway_Strict", "End_Yes");
    }

    [Fact]
    public void ExclusiveGateway_ConditionOnAMissingVariable_IsAnIncidentNotAnException()
    {
        var h = new RuntimeHarness("gateways.bpmn");

        var key = h.Start("exclusive");

        var incident = h.Incidents(key).Should().ContainSingle().Subject;
        incident.ElementId.Should().Be("Gateway_Amount");
        incident.Message.Should().Contain("amount > 1000").And.Contain("amount' is in scope");
        h.State(key).Should().Be(ProcessInstanceState.Active);
    }

    [Fact]
    public void ParallelGateway_ForksBothBranches_AndJoinWaitsForBoth()
    {
        var h = new RuntimeHarness("gateways.bpmn");
        var key = h.Start("parallel");
        h.OpenTasks(key).Should().BeEquivalentTo("Task_A", "Task_B");

        h.CompleteTask(key, "Task_A");

        h.State(key).Should().Be(ProcessInstanceState.Active);
        h.Path(key).Should().NotContain("Join");

        h.CompleteTask(key, "Task_B");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Path(key).Count(e => e == "Join").Should().Be(1);
    }

    [Fact]
    public void InclusiveGateway_ForksEveryTrueBranch_AndJoinWaitsOnlyForThose()
    {
        var h = new RuntimeHarness("gateways.bpmn");
        var key = h.Start("inclusive", """{"a": true, "b": false}""");
        h.OpenTasks(key).Should().Equal("Inc_Task_A");

        h.CompleteTask(key, "Inc_Task_A");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Path(key).Should().Equal("Start4", "Fork_Inclusive", "Inc_Task_A", "Join_Inclusive", "End4");
    }

    [Fact]
    public void InclusiveGateway_TakesDefault_WhenNoConditionHolds()
    {
        var h = new RuntimeHarness("gateways.bpmn");

        var key = h.Start("inclusive", """{"a": false, "b": false}""");

        h.OpenTasks(key).Should().Equal("Inc_Task_C");
    }

    [Fact]
    public void InclusiveJoin_WaitsForAnotherBranchThatCanStillArrive()
    {
        var h = new RuntimeHarness("gateways.bpmn");
        var key = h.Start("inclusive", """{"a": true, "b": true}""");

        h.CompleteTask(key, "Inc_Task_B");

        h.State(key).Should().Be(ProcessInstanceState.Active);
        h.OpenTasks(key).Should().Equal("Inc_Task_A");

        h.CompleteTask(key, "Inc_Task_A");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Path(key).Count(e => e == "Join_Inclusive").Should().Be(1);
    }

    [Fact]
    public void InclusiveJoin_InASubProcess_DoesNotWaitForABranchThatCannotReachIt()
    {
        var h = new RuntimeHarness("gateways.bpmn");
        var key = h.Start("inclusive-nested", """{"a": true, "b": true, "c": true}""");
        h.OpenTasks(key).Should().BeEquivalentTo("Sub_Task_A", "Sub_Task_B", "Sub_Task_C");

        h.CompleteTask(key, "Sub_Task_A");
        h.OpenTasks(key).Should().NotContain("Sub_Joined");

        h.CompleteTask(key, "Sub_Task_B");

        // Sub_Task_C is still open, but it leads to an end event, not to the join.
        h.OpenTasks(key).Should().BeEquivalentTo("Sub_Task_C", "Sub_Joined");
        h.CompleteTask(key, "Sub_Joined");
        h.State(key).Should().Be(ProcessInstanceState.Active);
        h.CompleteTask(key, "Sub_Task_C");
        h.State(key).Should().Be(ProcessInstanceState.Completed);
    }

    [Fact]
    public void InclusiveJoin_InASubProcess_FiresWhenTheOtherBranchEndsElsewhere()
    {
        var h = new RuntimeHarness("gateways.bpmn");
        var key = h.Start("inclusive-nested", """{"a": true, "b": false, "c": true}""");

        h.CompleteTask(key, "Sub_Task_A");

        h.OpenTasks(key).Should().BeEquivalentTo("Sub_Task_C", "Sub_Joined");
    }
}
