using System.Text;
using System.Text.Json;
using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Cli.Engine;

/// <summary><c>crm bench memory</c>: starts N instances of a model that all stay waiting (at a user task, say) in the in-memory store and prints the managed heap they take, as one JSON line.</summary>
/// <remarks>The figure is <c>GC.GetTotalMemory(forceFullCollection: true)</c> after the instances minus before, so it counts what stays reachable: instances, tasks, jobs, subscriptions and the store's indexes.</remarks>
public sealed class BenchMemoryCommand : ICliCommand, IDeclaresOptions
{
    private const int DefaultInstances = 100_000;

    /// <inheritdoc/>
    public IReadOnlyList<string> Path { get; } = ["bench", "memory"];

    /// <inheritdoc/>
    public string Usage => "--model FILE [--instances N] [--variables JSON]";

    /// <inheritdoc/>
    public string Summary => "Start N instances that stay waiting in the in-memory store and print the managed heap they take as one JSON line.";

    /// <inheritdoc/>
    public IReadOnlyCollection<string> ValueOptions { get; } = ["model", "instances", "variables"];

    /// <inheritdoc/>
    public int Run(CliArguments arguments, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        if (arguments.Unknown(["model", "instances", "variables"]).FirstOrDefault() is { } unknown)
        {
            throw new CliUsageException($"unknown option --{unknown}");
        }

        var model = arguments.Require("model");
        var instances = BenchArguments.Instances(arguments, DefaultInstances);

        Dictionary<string, object?>? variables = null;
        if (arguments.Get("variables") is { } json)
        {
            try
            {
                variables = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)?.ToDictionary(p => p.Key, p => (object?)p.Value);
            }
            catch (JsonException e)
            {
                throw new CliUsageException($"--variables must be a JSON object: {e.Message}");
            }
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var engine = new ProcessEngine(new InMemoryProcessStore(), options: new EngineOptions { RecordEvents = false });
        if (BenchArguments.Deploy(engine, model, "bench memory", console) is not { } deployed)
        {
            return 1;
        }

        var start = new StartProcessInstance(deployed.Processes[0].BpmnProcessId) { Variables = variables };
        for (var i = 0; i < instances; i++)
        {
            var result = engine.Execute(start);
            if (!result.Succeeded || result.Instance!.State != ProcessInstanceState.Active)
            {
                console.Error.WriteLine($"crm bench memory: instance {i + 1} of {model} does not stay waiting ({(result.Succeeded ? result.Instance!.State.ToString() : result.Error!.ToString())}); use a model that waits.");
                return 1;
            }
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var waiting = engine.GetUserTasks().Count;
        GC.KeepAlive(engine);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("engine", "crm-bpm");
            writer.WriteString("model", model);
            writer.WriteNumber("instances", instances);
            writer.WriteNumber("openUserTasks", waiting);
            writer.WriteNumber("managedBytes", after - before);
            writer.WriteNumber("megabytes", Math.Round((after - before) / 1048576.0, 1));
            writer.WriteNumber("bytesPerInstance", (after - before) / instances);
            writer.WriteEndObject();
        }

        console.Out.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        return 0;
    }
}
