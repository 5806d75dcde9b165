using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Cli.Engine;

/// <summary><c>crm bench engine</c>: measures the engine on a store (memory, SQLite, PostgreSQL) with a model or a scenario and prints one JSON line per figure; with only <c>--model</c> it prints the one line of the peer script (<c>run-peer.sh</c>).</summary>
/// <remarks>
/// With <c>--store</c>, <c>--scenario</c>, <c>--history</c>, <c>--connection</c> or <c>--queries</c> each figure is one line
/// <c>{"name","value","unit","instances","store","cores"}</c> (docs/engine-benchmarks.md). Without them, like the peer's <c>run.mjs</c>: the model is deployed (parsed and compiled) once, a warm-up runs first, then
/// N instances start one after another, each running to completion in the in-memory store. As in the peer (and in
/// Zeebe, whose runtime state drops finished instances), nothing is kept once an instance ends: the engine records
/// no events and the store does not retain ended instances.
/// </remarks>
public sealed class BenchEngineCommand : ICliCommand, IDeclaresOptions
{
    private const int DefaultInstances = 100_000;

    /// <inheritdoc/>
    public IReadOnlyList<string> Path { get; } = ["bench", "engine"];

    /// <inheritdoc/>
    public string Usage => "(--model FILE | --scenario user-task-cycle|timers|task-query) [--store memory|sqlite|postgres] [--connection CS] [--history none|activity|full] [--instances N] [--queries N] [--engines N] [--reuse]";

    /// <inheritdoc/>
    public string Summary => "Measure the engine on a store with a model or a scenario and print one JSON line per figure (only --model: the peer script's line, in memory).";

    /// <inheritdoc/>
    public IReadOnlyCollection<string> ValueOptions { get; } = Options;

    private static readonly string[] Options = ["model", "instances", "store", "connection", "history", "scenario", "queries", "engines"];

    private static readonly string[] FigureOptions = ["store", "connection", "history", "scenario", "queries", "engines", "reuse"];

    /// <inheritdoc/>
    public int Run(CliArguments arguments, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        if (arguments.Unknown([.. Options, "reuse"]).FirstOrDefault() is { } unknown)
        {
            throw new CliUsageException($"unknown option --{unknown}");
        }

        if (arguments.Positional.Count > 0)
        {
            throw new CliUsageException($"unexpected argument '{arguments.Positional[0]}'");
        }

        if (FigureOptions.Any(arguments.Has))
        {
            return BenchEngineFigures.Run(arguments, console);
        }

        var model = arguments.Require("model");
        var instances = BenchArguments.Instances(arguments, DefaultInstances);

        var engine = CreateEngine();
        if (BenchArguments.Deploy(engine, model, "bench engine", console) is not { } deployed)
        {
            return 1;
        }

        var start = new StartProcessInstance(deployed.Processes[0].BpmnProcessId);

        // Warm-up, as the peer does (at least 50 instances), and long enough for the JIT to finish optimizing.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 50 || warmUp.Elapsed < WarmUpTime; i++)
        {
            if (!RunOne(engine, start, console, model))
            {
                return 1;
            }
        }

        var measured = CreateEngine();
        measured.DeployFile(model);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < instances; i++)
        {
            if (!RunOne(measured, start, console, model))
            {
                return 1;
            }
        }

        clock.Stop();
        var seconds = clock.Elapsed.TotalSeconds;
        console.Out.WriteLine(Json(model, instances, seconds));
        return 0;
    }

    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(1);

    private static ProcessEngine CreateEngine() =>
        new(new InMemoryProcessStore { KeepEndedInstances = false }, options: new EngineOptions { RecordEvents = false });

    private static bool RunOne(ProcessEngine engine, StartProcessInstance start, CliConsole console, string model)
    {
        var result = engine.Execute(start);
        if (!result.Succeeded || result.Instance?.State != ProcessInstanceState.Completed)
        {
            console.Error.WriteLine($"crm bench engine: an instance of {model} did not run to its end: {(result.Succeeded ? result.Instance?.State.ToString() : result.Error!.ToString())}.");
            return false;
        }

        return true;
    }

    private static string Json(string model, int instances, double seconds)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("engine", "crm-bpm");
            json.WriteString("model", model);
            json.WriteNumber("instances", instances);
            json.WriteNumber("seconds", seconds);
            json.WriteNumber("instancesPerSecond", instances / seconds);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
