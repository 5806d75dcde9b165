using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Engine.Tests.Runtime;

public sealed class BasicFlowTests
{
    [Fact]
    public void PlainAndManualTasks_PassThrough_AndTheInstanceCompletes()
    {
        var h = new RuntimeHarness("straight.bpmn");

        var key = h.Start("straight");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Path(key).Should().Equal("Start", "Task_A", "Task_B", "End");
    }

    [Fact]
    public void Start_IsRefused_ForAProcessThatIsNotDeployed()
    {
        var h = new RuntimeHarness("straight.bpmn");

        var result = h.Run(new StartProcessInstance("no-such-process"));

        result.Succeeded.Should().BeFalse();
        result.Error!.Code.Should().Be(CommandErrorCode.NotFound);
        result.Error.Message.Should().Contain("no-such-process");
        h.Engine.GetInstances().Should().BeEmpty();
    }

    [Fact]
    public void Start_AtAChosenElement_SkipsWhatComesBefore()
    {
        var h = new RuntimeHarness("straight.bpmn");

        var result = h.Run(new StartProcessInstance("straight") { StartElementId = "Task_B" });

        result.Instance!.State.Should().Be(ProcessInstanceState.Completed);
        h.Path(result.ProcessInstanceKey).Should().Equal("Task_B", "End");
    }

    [Fact]
    public void Start_WithVariables_KeepsThemAsProcessVariables()
    {
        var h = new RuntimeHarness("straight.bpmn");

        var key = h.Start("straight", """{"lead": {"budget": 60000}, "tags": ["a", "b"]}""");

        h.Variable(key, "lead").Should().Be("""{"budget": 60000}""");
        h.Variable(key, "tags").Should().Be("""["a", "b"]""");
    }

    [Fact]
    public void Start_WithAVariableThatIsNotJson_IsRefused()
    {
        var h = new RuntimeHarness("straight.bpmn");

        var result = h.Run(new StartProcessInstance("straight") { Variables = new Dictionary<string, object?> { ["when"] = new object(), ["x"] = 1 } });

        result.Succeeded.Should().BeFalse();
        result.Error!.Code.Should().Be(CommandErrorCode.InvalidArgument);
        result.Error.Message.Should().Contain("'when'").And.Contain("not a JSON value");
        h.Engine.GetInstances().Should().BeEmpty();
    }

    [Fact]
    public void Start_WithNaN_IsRefused()
    {
        var h = new RuntimeHarness("straight.bpmn");

        var result = h.Run(new StartProcessInstance("straight") { Variables = new Dictionary<string, object?> { ["score"] = double.NaN } });

        result.Error!.Code.Should().Be(CommandErrorCode.InvalidArgument);
    }

    [Theory]
    [InlineData("straight10.bpmn", "straight10", 12)]
    [InlineData("parallel.bpmn", "parallel", 7)]
    [InlineData("exclusive.bpmn", "exclusive", 6)]
    public void PeerBenchmarkModels_RunToTheirEnd(string file, string processId, int completedElements)
    {
        var engine = new ProcessEngine(new InMemoryProcessStore());
        engine.DeployFile(Path.Combine(SharedData.PeerModelsFolder, file)).Succeeded.Should().BeTrue();

        var result = engine.StartInstance(processId);

        result.Instance!.State.Should().Be(ProcessInstanceState.Completed);
        result.Events.Count(e => e.Kind == Crm.Bpm.Engine.Runtime.Events.EngineEventKind.ElementCompleted).Should().Be(completedElements);
    }
}
