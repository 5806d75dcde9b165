using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Cli.Engine;

/// <summary><c>crm bench engine --model FILE</c> on a store: instances of a model that runs to its end without waiting, one command (one transaction) each, one after another.</summary>
internal static class ModelScenario
{
    /// <summary>Runs the warm-up and the measured instances and gives instances per second; null when the model does not deploy (its errors are printed).</summary>
    public static BenchFigure? Run(BenchRun run, string model, CliConsole console)
    {
        var engine = run.Store.CreateEngine(run.Options);
        if (BenchArguments.Deploy(engine, model, "bench engine", console) is not { } deployed)
        {
            return null;
        }

        var start = new StartProcessInstance(deployed.Processes[0].BpmnProcessId);
        var elapsed = run.Spread(run.EnginesBeside(engine), e => RunOne(e, start, model));
        return run.Figure("model " + Path.GetFileName(model), run.Instances / elapsed.TotalSeconds, "instances/s", run.Instances);
    }

    private static void RunOne(ProcessEngine engine, StartProcessInstance start, string model)
    {
        var result = BenchRun.Check(engine.Execute(start), $"Starting an instance of {model}");
        if (result.Instance?.State != ProcessInstanceState.Completed)
        {
            throw new BenchFailedException($"An instance of {model} did not run to its end ({result.Instance?.State}); use a model without wait states.");
        }
    }
}
