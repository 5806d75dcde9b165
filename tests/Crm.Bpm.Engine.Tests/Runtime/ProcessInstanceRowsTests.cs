using Crm.Bpm.Engine.ProcessTests;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Clock;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Engine.Tests.ProcessTests;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Engine.Tests.Runtime;

/// <summary>An instance taken apart into rows and put together again behaves exactly as before, and one step changes only the rows it touched.</summary>
public sealed class ProcessInstanceRowsTests
{
    private static readonly string SuiteRoot = Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Engine.Tests", "ProcessTests");

    public static TheoryData<string, string> Cases() => ProcessTestSuite.Collect(SuiteRoot, ProcessTestFiles.Pattern);

    [Theory]
    [MemberData(nameof(Cases))]
    public void ProcessTestCase_Passes_OverAStoreThatKeepsOnlyRows(string file, string caseName)
    {
        var read = ProcessTestReader.ReadFile(Path.Combine(SuiteRoot, file));
        read.File.Should().NotBeNull();
        var testCase = read.File!.Cases.Single(c => c.Name == caseName);

        var result = ProcessTestRunner.RunCase(read.File, testCase, () => new RowProcessStore());

        result.Failures.Select(f => $"{file}({f.Line}): {f.Message}").Should().BeEmpty();
    }

    [Fact]
    public void Decompose_ThenCompose_GivesTheSameSerializedState()
    {
        var h = new RuntimeHarness("gateways.bpmn", "loops.bpmn", "throw-events.bpmn", "durable.bpmn");
        var keys = new[]
        {
            h.Start("inclusive-nested", """{"a": true, "b": true, "c": true}"""),
            h.Start("mi-parallel", """{"reviewers": ["x", "y"]}"""),
            h.Start("compensation", """{"ok": false}"""),
            h.Start("order", """{"owner": "ann", "items": [1, {"sku": "A-1"}]}"""),
        };

        foreach (var key in keys)
        {
            var instance = h.Instance(key);
            var rows = ProcessInstanceRows.Decompose(instance);
            var again = ProcessInstanceRows.Compose(instance.Definition, rows.Instance, rows.Elements.Reverse(), rows.Variables);

            ProcessInstanceSerializer.Serialize(again).Should().Equal(ProcessInstanceSerializer.Serialize(instance));
            rows.Elements.Should().OnlyContain(e => e.ProcessInstanceKey == key && e.Key != key);
        }
    }

    [Fact]
    public void Diff_OfOneStep_HoldsOnlyTheElementAndVariableRowsThatChanged()
    {
        var store = new RowProcessStore();
        var engine = new ProcessEngine(store, new ManualClock());
        engine.DeployFile(Path.Combine(RuntimeHarness.FixturesFolder, "durable.bpmn")).Succeeded.Should().BeTrue();
        var key = engine.StartInstance("order", RuntimeHarness.Vars("""{"owner": "ann", "total": 10}""")).ProcessInstanceKey;
        var before = store.Rows(key);
        var review = before.Elements.Single(e => e.ElementId == "Task_Review");

        engine.CompleteUserTask(engine.GetUserTasks(key).Single().Key, RuntimeHarness.Vars("""{"total": 12, "approved": true}""")).Succeeded.Should().BeTrue();

        var diff = store.LastDiffs[key];
        diff.RemovedElements.Select(e => e.Key).Should().Equal(review.Key);
        diff.AddedElements.Select(e => e.ElementId).Should().Equal("Task_Ship");
        diff.ChangedElements.Should().BeEmpty("no other element changed");
        diff.AddedVariables.Select(v => $"{v.Name}={v.Value}").Should().Equal("approved=true");
        diff.ChangedVariables.Select(v => $"{v.Name}={v.Value}").Should().Equal("total=12");
        diff.RemovedVariables.Should().BeEmpty();
        diff.Instance.Version.Should().Be(before.Instance.Version + 1);
    }

    [Fact]
    public void Diff_WhenTheInstanceEnds_RemovesEveryElementRow_AndKeepsTheVariables()
    {
        var store = new RowProcessStore();
        var engine = new ProcessEngine(store, new ManualClock());
        engine.DeployFile(Path.Combine(RuntimeHarness.FixturesFolder, "durable.bpmn")).Succeeded.Should().BeTrue();
        var key = engine.StartInstance("order", RuntimeHarness.Vars("""{"owner": "ann"}""")).ProcessInstanceKey;
        engine.CompleteUserTask(engine.GetUserTasks(key).Single().Key).Succeeded.Should().BeTrue();

        engine.CompleteJob(engine.GetJobs(key).Single().Key).Succeeded.Should().BeTrue();

        var diff = store.LastDiffs[key];
        diff.Instance.State.Should().Be(ProcessInstanceState.Completed);
        diff.RemovedElements.Select(e => e.ElementId).Should().Equal("Task_Ship");
        store.Rows(key).Elements.Should().BeEmpty();
        engine.GetInstance(key)!.Variables["owner"].GetString().Should().Be("ann");
    }
}
