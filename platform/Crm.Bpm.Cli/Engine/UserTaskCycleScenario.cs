using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Cli.Engine;

/// <summary><c>crm bench engine --scenario user-task-cycle</c>: start an instance that waits at a user task, complete the task, the instance ends; two commands (two transactions) per cycle.</summary>
internal static class UserTaskCycleScenario
{
    public const string Name = "user-task-cycle";

    public static BenchFigure Run(BenchRun run)
    {
        var engine = run.Store.CreateEngine(run.Options);
        var process = BenchModels.Deploy(engine, BenchModels.UserTaskCycle);
        var start = new StartProcessInstance(process) { Variables = new Dictionary<string, object?> { ["owner"] = "ann" } };
        var elapsed = run.Spread(run.EnginesBeside(engine), e => Cycle(e, start));
        return run.Figure(Name, run.Instances / elapsed.TotalSeconds, "cycles/s", run.Instances);
    }

    private static void Cycle(ProcessEngine engine, StartProcessInstance start)
    {
        var started = BenchRun.Check(engine.Execute(start), "Starting the user-task-cycle instance");
        // The task's key is the wait key of the element waiting at the task, as a task list would show it.
        var task = started.Instance?.Elements.FirstOrDefault(e => e.ElementId == "Review")
            ?? throw new BenchFailedException($"Instance {started.ProcessInstanceKey} does not wait at its user task.");
        var completed = BenchRun.Check(engine.Execute(new CompleteUserTask(task.WaitKey)), $"Completing user task {task.WaitKey}");
        if (completed.Instance?.State != ProcessInstanceState.Completed)
        {
            throw new BenchFailedException($"Instance {started.ProcessInstanceKey} did not end after its user task was completed ({completed.Instance?.State}).");
        }
    }
}
