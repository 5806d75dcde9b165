using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Compilation;
using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Tests.Runtime;

public sealed class DeploymentTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(RuntimeHarness.FixturesFolder, name));

    [Fact]
    public void Redeploying_TheSameXml_KeepsTheVersion_AndChangedXml_AddsOne()
    {
        var engine = new ProcessEngine();
        var xml = Fixture("straight.bpmn");

        var first = engine.Deploy(xml, "straight.bpmn");
        var same = engine.Deploy(xml, "straight.bpmn");
        var changed = engine.Deploy(xml.Replace("Task_B", "Task_C", StringComparison.Ordinal), "straight.bpmn");

        first.Processes.Single().Version.Should().Be(1);
        same.Processes.Single().Should().Be(first.Processes.Single() with { IsNewVersion = false });
        changed.Processes.Single().Version.Should().Be(2);
        engine.GetProcess("straight")!.FindNode("Task_C").Should().NotBeNull();
        engine.GetProcess("straight", 1)!.FindNode("Task_B").Should().NotBeNull();
    }

    [Fact]
    public void NewVersion_ReplacesTheStartEventsOfThePreviousOne()
    {
        var h = new RuntimeHarness("messages.bpmn");
        var xml = Fixture("messages.bpmn");
        h.Engine.Deploy(xml.Replace("M_Qualify", "M_Qualify_v2", StringComparison.Ordinal), "messages.bpmn").Succeeded.Should().BeTrue();

        var result = h.Correlate("lead-created", null);

        result.Correlations.Should().Be(1);
        h.OpenTasks(result.ProcessInstanceKey).Should().Equal("M_Qualify_v2");
    }

    [Fact]
    public void Deploying_AnUnsupportedElement_IsRefused_WithADiagnosticNamingIt()
    {
        var engine = new ProcessEngine();
        var xml = Fixture("straight.bpmn").Replace("<manualTask id=\"Task_B\"/>", "<complexGateway id=\"Task_B\"/>", StringComparison.Ordinal);

        var result = engine.Deploy(xml, "complex.bpmn");

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Should().Contain(d => d.Code == CompileDiagnosticCodes.Unsupported && d.ElementId == "Task_B" && d.Line > 0);
        engine.GetProcess("straight").Should().BeNull();
    }

    [Fact]
    public void Deploying_ABadFeelCondition_IsRefused_WithADiagnostic()
    {
        var engine = new ProcessEngine();
        var xml = Fixture("gateways.bpmn").Replace("=amount &gt; 1000", "=amount &gt; (1000 +", StringComparison.Ordinal);

        var result = engine.Deploy(xml, "gateways.bpmn");

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Should().Contain(d => d.Code == CompileDiagnosticCodes.BadExpression && d.ElementId == "Flow_Big");
    }

    [Fact]
    public void Deploying_AFileThatIsNotBpmn_IsRefused()
    {
        var result = new ProcessEngine().Deploy("<html/>", "page.html");

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Should().NotBeEmpty();
    }

    [Fact]
    public void RunningInstances_KeepTheirVersion_AfterARedeployment()
    {
        var h = new RuntimeHarness("user-task.bpmn");
        var key = h.Start("user-task", """{"owner": "a", "manager": "b", "vip": true}""");
        h.Engine.Deploy(Fixture("user-task.bpmn").Replace("Call the lead", "Call the lead now", StringComparison.Ordinal), "user-task.bpmn");

        h.Instance(key).Definition.Version.Should().Be(1);
        h.CompleteTask(key, "Task_Call");
        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Start("user-task", """{"owner": "a", "manager": "b", "vip": true}""").Should().BePositive();
        h.Engine.GetUserTasks().Single().Name.Should().Be("Call the lead now");
    }

    [Fact]
    public void WithoutRecordingEvents_ResultsCarryNone_ButStillTheState()
    {
        var engine = new ProcessEngine(options: new EngineOptions { RecordEvents = false });
        engine.DeployFile(Path.Combine(RuntimeHarness.FixturesFolder, "straight.bpmn"));

        var result = engine.StartInstance("straight");

        result.Events.Should().BeEmpty();
        result.Instance!.State.Should().Be(ProcessInstanceState.Completed);
    }
}
