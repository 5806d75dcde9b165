using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Decisions;
using Crm.Bpm.Engine.Runtime.Expressions;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Engine.Tests.Runtime;

/// <summary>A command that fails must leave every store exactly as it was (STYLE.md, Errors).</summary>
public sealed class AtomicityTests
{
    [Fact]
    public void CommandThatFailsHalfway_LeavesTheStateExactlyAsBefore()
    {
        var decisions = new ExplodingDecisions();
        var h = new RuntimeHarness(decisions, "atomicity.bpmn");
        var key = h.Start("review-then-decide", """{"round": 1}""");
        var before = StateSnapshot.Of(h);
        var committed = h.Instance(key);

        // Completing the task sets variables, completes the task and moves on before the decision blows up.
        var result = h.Run(new CompleteUserTask(h.Task(key, "Task_Review").Key) { Variables = RuntimeHarness.Vars("""{"round": 2, "note": "x"}""") });

        decisions.Calls.Should().Be(1, "the command really ran up to the decision");
        result.Succeeded.Should().BeFalse();
        result.Error!.Code.Should().Be(CommandErrorCode.Internal);
        result.Error.Message.Should().Contain("Nothing was changed");
        StateSnapshot.Of(h).Should().Be(before);
        h.Instance(key).Should().BeSameAs(committed);
        committed.Variables["round"].GetInt32().Should().Be(1);
        h.OpenTasks(key).Should().BeEquivalentTo("Task_Review", "Task_Other");
    }

    [Fact]
    public void CommandOnAFinishedInstance_IsRefused_AndChangesNothing()
    {
        var h = new RuntimeHarness("straight.bpmn", "jobs.bpmn");
        var done = h.Start("straight");
        var waiting = h.Start("service", """{"method": "card"}""");
        var before = StateSnapshot.Of(h);

        var cancel = h.Run(new CancelProcessInstance(done));
        var set = h.Run(new SetVariables(done) { Variables = RuntimeHarness.Vars("""{"x": 1}""") });

        cancel.Error!.Code.Should().Be(CommandErrorCode.InvalidState);
        cancel.Error.Message.Should().Contain("completed");
        set.Error!.Code.Should().Be(CommandErrorCode.InvalidState);
        StateSnapshot.Of(h).Should().Be(before);
        h.State(waiting).Should().Be(ProcessInstanceState.Active);
    }

    [Fact]
    public void CommandWithAVariableThatIsNotJson_IsRefused_AndChangesNothing()
    {
        var h = new RuntimeHarness("jobs.bpmn");
        var key = h.Start("service", """{"method": "card"}""");
        var before = StateSnapshot.Of(h);

        var result = h.Run(new CompleteJob(h.Job(key, "payment:card").Key) { Variables = new Dictionary<string, object?> { ["amount"] = double.PositiveInfinity } });

        result.Error!.Code.Should().Be(CommandErrorCode.InvalidArgument);
        result.Error.Message.Should().Contain("'amount'");
        StateSnapshot.Of(h).Should().Be(before);
    }

    [Fact]
    public void CommandWhoseCommitAlwaysConflicts_EndsInConflict_AndChangesNothing()
    {
        var store = new ConflictingStore();
        var engine = new ProcessEngine(store);
        engine.DeployFile(Path.Combine(RuntimeHarness.FixturesFolder, "user-task.bpmn")).Succeeded.Should().BeTrue();
        var key = engine.StartInstance("user-task", RuntimeHarness.Vars("""{"owner": "bob", "manager": "mia", "vip": true}""")).ProcessInstanceKey;
        var task = engine.GetUserTasks(key).Single();
        store.FailNextCommit = true;

        var result = engine.CompleteUserTask(task.Key);

        result.Error!.Code.Should().Be(CommandErrorCode.Conflict);
        engine.GetInstance(key)!.State.Should().Be(ProcessInstanceState.Active);
        engine.GetUserTasks(key).Should().ContainSingle();
        store.FailNextCommit = false;
        engine.CompleteUserTask(task.Key).Succeeded.Should().BeTrue("running the command again works");
    }

    private sealed class ExplodingDecisions : IDecisionEvaluator
    {
        public int Calls { get; private set; }

        public DecisionResult Evaluate(string decisionId, IVariableLookup variables)
        {
            Calls++;
            throw new InvalidOperationException("decision engine defect");
        }
    }

    private sealed class ConflictingStore : ForwardingProcessStore
    {
        public bool FailNextCommit { get; set; }

        public override void Commit(StoreChanges changes)
        {
            if (FailNextCommit)
            {
                throw new StoreConcurrencyException("someone else changed the instance");
            }

            base.Commit(changes);
        }
    }
}
