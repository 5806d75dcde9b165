using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Tests.Runtime;

public sealed class VariableTests
{
    [Fact]
    public void InputMappings_CreateLocalVariables_AndOutputMappingsWriteBack()
    {
        var h = new RuntimeHarness("jobs.bpmn");
        var key = h.Start("io", """{"customer": {"name": "Ada"}, "lead": {"id": 7}}""");
        var job = h.Job(key, "enrich");
        job.Variables["greeting"].GetString().Should().Be("Dear Ada");

        h.CompleteJob(key, "enrich", """{"result": {"score": 88}, "scratch": 1}""");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Variable(key, "lead").Should().Be("""{"id":7,"score":88}""");
        h.Variable(key, "greeting").Should().Be("\"Dear Ada\"");
        // With output mappings, the job's variables stay local to the task.
        h.Variable(key, "scratch").Should().Be("<missing>");
        h.Variable(key, "name").Should().Be("<missing>");
    }

    [Fact]
    public void JobVariables_WithoutOutputMappings_UpdateTheNearestScopeThatHasThem_ElseTheProcess()
    {
        var h = new RuntimeHarness("jobs.bpmn");
        var key = h.Start("propagation");

        h.CompleteJob(key, "work", """{"attempts": 3, "token": "t2", "fresh": "yes"}""");

        var instance = h.Instance(key);
        var sub = instance.Elements.Single(e => e.ElementId == "P_Sub");
        sub.Variables!["attempts"].GetInt32().Should().Be(3);
        instance.Variables.Should().ContainKey("fresh").And.NotContainKey("attempts").And.NotContainKey("token");
        h.Task(key, "P_Check").Variables.Should().ContainKey("attempts");
    }

    [Fact]
    public void InputMappingThatCannotBeEvaluated_GivesNull_AsInCamunda8()
    {
        var h = new RuntimeHarness("jobs.bpmn");

        var key = h.Start("io", """{"customer": {"name": 5}}""");

        h.Incidents(key).Should().BeEmpty();
        h.Job(key, "enrich").Variables["greeting"].ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public void SetVariables_OnAnEndedInstance_IsRefused()
    {
        var h = new RuntimeHarness("straight.bpmn");
        var key = h.Start("straight");

        var result = h.Run(new SetVariables(key) { Variables = RuntimeHarness.Vars("""{"x": 1}""") });

        result.Error!.Code.Should().Be(CommandErrorCode.InvalidState);
    }
}
