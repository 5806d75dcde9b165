using Crm.Bpm.Engine.ProcessTests;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Engine.Tests.ProcessTests;

public class ProcessTestRunnerTests
{
    private static readonly string Fixtures = Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Engine.Tests", "Fixtures", "ProcessTests", "runner");

    private static IReadOnlyList<ProcessTestFailure> Failures(string caseName)
    {
        var file = ProcessTestReader.ReadFile(Path.Combine(Fixtures, "failing-expectations.yaml")).File!;
        return ProcessTestRunner.RunCase(file, file.Cases.Single(c => c.Name == caseName)).Failures;
    }

    [Theory]
    [InlineData("state", 6, "expected state completed, but it is active. The instance is active, waiting at [Task_Approve], passed [Start].")]
    [InlineData("passed", 10, "expected [Task_Notify] to be passed, but it was not.")]
    [InlineData("notPassed", 14, "expected [Start] not to be passed, but it was.")]
    [InlineData("path", 18, "expected the path [Start, End], but it was [Start] (it ends before End).")]
    [InlineData("passedTimes", 22, "expected Start to complete 2 times, but it completed once.")]
    [InlineData("noVariables", 30, "expected no process variable 'order', but it is {\"total\":3}.")]
    [InlineData("openTasks", 34, "expected the open user tasks to be [], but they are [Task_Approve].")]
    [InlineData("tasks", 38, "the user task at Task_Approve: assignee expected 'bob', but it is not set.")]
    [InlineData("jobs", 44, "the job of type 'crm:notify': retries expected 5, but it has 1.")]
    [InlineData("incidents", 51, "expected an incident at Task_Notify of type ConditionError, but it is: JobNoRetries: ")]
    public void FailingExpectation_SaysWhatHappenedInstead(string caseName, int line, string text)
    {
        var failures = Failures(caseName);

        failures.Should().ContainSingle().Which.Should().Match<ProcessTestFailure>(f => f.Line == line && f.Message.Contains(text, StringComparison.Ordinal),
            "the failure was: {0}", string.Join(" | ", failures));
    }

    [Fact]
    public void VariableExpectation_NamesTheDifferingFieldAndTheMissingVariable()
    {
        var failures = Failures("variables").Select(f => f.Message).ToList();

        failures.Should().HaveCount(2);
        failures[0].Should().Contain("variable order.total: expected 4, but it is 3.");
        failures[1].Should().Contain("expected the variable 'missing' to be 1, but there is no such variable; the variables are [order].");
    }

    [Fact]
    public void StepThatCannotRun_StopsTheCase_AndSaysWhatWasOpen()
    {
        var failures = Failures("step cannot run");

        failures.Should().ContainSingle();
        failures[0].Line.Should().Be(56);
        failures[0].Message.Should().Contain("there is no job of type 'crm:notify' waiting for a worker; jobs waiting are []")
            .And.Contain("waiting at [Task_Approve]")
            .And.EndWith("The remaining steps and expectations of this case were not run.");
    }

    [Fact]
    public void StepExpectedToBeRefused_FailsWhenTheEngineAcceptsIt()
    {
        var failure = Failures("rejected but accepted").Should().ContainSingle().Subject;

        failure.Line.Should().Be(64);
        failure.Message.Should().Be("after step 1 (completeTask Task_Approve, line 63): expected the engine to refuse the command (any), but it accepted it.");
    }

    [Fact]
    public void CommandTheEngineRefuses_FailsTheCase_WithTheEnginesReason()
    {
        var failure = Failures("refused unexpectedly").Should().ContainSingle().Subject;

        failure.Line.Should().Be(70);
        failure.Message.Should().StartWith("step 2 (cancel, line 70): the engine refused the command:").And.Contain("The instance is terminated");
    }

    [Fact]
    public void CorrelationCount_IsCheckedOnTheStep()
    {
        Failures("correlations").Should().ContainSingle().Which.Message.Should().Contain("expected 1 correlation(s), but it triggered 0.");
    }

    [Fact]
    public void ResourceThatDoesNotDeploy_FailsTheCase_AtTheResourceLine()
    {
        var result = ProcessTestRunner.RunFile(Path.Combine(Fixtures, "undeployable.yaml"));

        var failure = result.Cases.Single().Failures.Should().ContainSingle().Subject;
        failure.Line.Should().Be(1);
        failure.Message.Should().StartWith("the process file broken.bpmn does not deploy:");
        result.FailedCount.Should().Be(1);
    }

    [Fact]
    public void EveryCase_RunsOnItsOwnEngine()
    {
        var file = ProcessTestReader.ReadFile(Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Cli.Tests", "ProcessTests", "passing", "approval.test.yaml")).File!;

        var first = ProcessTestRunner.Run(file);
        var again = ProcessTestRunner.Run(file);

        first.Should().OnlyContain(c => c.Passed);
        again.Should().OnlyContain(c => c.Passed);
    }
}
