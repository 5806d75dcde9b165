using BenchmarkDotNet.Attributes;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Benchmarks.Engine;

/// <summary>The engine's hot paths: one command each, on an in-memory store that keeps no ended instances and an engine that records no events.</summary>
/// <remarks>Run: <c>dotnet run -c Release --project benchmarks/Crm.Bpm.Benchmarks -- --filter '*EngineBenchmarks*'</c>.</remarks>
[ShortRunJob]
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private static readonly IReadOnlyDictionary<string, object?> Owner = new Dictionary<string, object?> { ["owner"] = "ann" };

    private ProcessEngine _engine = null!;
    private StartProcessInstance _straight10 = null!;
    private StartProcessInstance _parallel = null!;
    private StartProcessInstance _exclusive = null!;
    private StartProcessInstance _userTask = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new ProcessEngine(new InMemoryProcessStore { KeepEndedInstances = false }, options: new EngineOptions { RecordEvents = false });
        foreach (var model in new[] { EngineModels.Peer("straight10.bpmn"), EngineModels.Peer("parallel.bpmn"), EngineModels.Peer("exclusive.bpmn"), EngineModels.Own("wait-at-user-task.bpmn") })
        {
            if (!_engine.DeployFile(model).Succeeded)
            {
                throw new InvalidOperationException($"{model} does not deploy.");
            }
        }

        _straight10 = new StartProcessInstance("straight10");
        _parallel = new StartProcessInstance("parallel");
        _exclusive = new StartProcessInstance("exclusive");
        _userTask = new StartProcessInstance("wait-at-user-task") { Variables = Owner };
    }

    [Benchmark(Baseline = true)]
    public CommandResult Straight10() => _engine.Execute(_straight10);

    [Benchmark]
    public CommandResult Parallel() => _engine.Execute(_parallel);

    [Benchmark]
    public CommandResult Exclusive() => _engine.Execute(_exclusive);

    /// <summary>Start an instance that waits at a user task, then complete the task: two commands, the second loading and copying the instance.</summary>
    [Benchmark]
    public CommandResult UserTaskRoundTrip()
    {
        var started = _engine.Execute(_userTask);
        var task = started.Instance!.Elements[^1].WaitKey;
        return _engine.Execute(new CompleteUserTask(task));
    }
}
