using Crm.Bpm.Engine.DmnDecisions;
using Crm.Bpm.Engine.Runtime.Decisions;
using Crm.Bpm.Engine.Runtime.Expressions;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Variables;

namespace Crm.Bpm.Engine.Tests.Runtime;

public sealed class TaskKindTests
{
    [Fact]
    public void ScriptTask_EvaluatesItsFeelExpression_IntoTheResultVariable()
    {
        var h = new RuntimeHarness("throw-events.bpmn");

        var key = h.Start("script", """{"items": [1, 2, 3.5]}""");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Variable(key, "total").Should().Be("6.5");
    }

    [Fact]
    public void ScriptTask_WhoseFeelFails_SetsTheResultToNull_AsInCamunda8()
    {
        var h = new RuntimeHarness("throw-events.bpmn");

        var key = h.Start("script", """{"items": "not a list"}""");

        h.Incidents(key).Should().BeEmpty();
        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Variable(key, "total").Should().Be("null");
    }

    [Fact]
    public void BusinessRuleTask_EvaluatesTheDecision_WithTheTaskVariables()
    {
        var decisions = new FakeDecisions();
        var h = new RuntimeHarness(decisions, "throw-events.bpmn");

        var key = h.Start("scoring", """{"budget": 60000}""");

        decisions.Seen.Should().Equal("lead-score:60000");
        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Variable(key, "score").Should().Be("\"A\"");
    }

    [Fact]
    public void BusinessRuleTask_WhoseDecisionFails_RaisesADecisionIncident()
    {
        var h = new RuntimeHarness(new FakeDecisions(), "throw-events.bpmn");

        var key = h.Start("scoring");

        var incident = h.Incidents(key).Should().ContainSingle().Subject;
        incident.Type.Should().Be(IncidentType.DecisionEvaluationError);
        incident.Message.Should().Contain("budget is missing");
    }

    [Fact]
    public void BusinessRuleTask_WithoutADecisionEvaluator_RaisesAnIncident()
    {
        var h = new RuntimeHarness("throw-events.bpmn");

        var key = h.Start("scoring", """{"budget": 1}""");

        h.Incidents(key).Should().ContainSingle().Which.Type.Should().Be(IncidentType.DecisionEvaluationError);
    }

    [Theory]
    [InlineData(60000, "\"A\"")]
    [InlineData(1000, "\"B\"")]
    public void BusinessRuleTask_EvaluatesADeployedDmnDecisionTable(int budget, string grade)
    {
        var dmn = new DmnDecisionEvaluator();
        dmn.DeployFile(System.IO.Path.Combine(RuntimeHarness.FixturesFolder, "lead-score.dmn")).Should().NotContain(d => d.IsError);
        var h = new RuntimeHarness(dmn, "throw-events.bpmn");

        var key = h.Start("scoring", $$"""{"budget": {{budget}}}""");

        h.Incidents(key).Select(i => i.Message).Should().BeEmpty();
        h.Variable(key, "score").Should().Be(grade);
    }

    [Fact]
    public void BusinessRuleTask_CallingAnUnknownDmnDecision_RaisesAnIncident()
    {
        var h = new RuntimeHarness(new DmnDecisionEvaluator(), "throw-events.bpmn");

        var key = h.Start("scoring", """{"budget": 1}""");

        h.Incidents(key).Should().ContainSingle().Which.Message.Should().Contain("lead-score");
    }

    private sealed class FakeDecisions : IDecisionEvaluator
    {
        public List<string> Seen { get; } = [];

        public DecisionResult Evaluate(string decisionId, IVariableLookup variables)
        {
            if (!variables.TryGetVariable("budget", out var budget))
            {
                return DecisionResult.Fail("budget is missing");
            }

            Seen.Add($"{decisionId}:{budget.GetRawText()}");
            return DecisionResult.Of(JsonValues.String(budget.GetInt32() > 50000 ? "A" : "B"));
        }
    }
}
