using System.Globalization;
using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Engine.Runtime.History;
using Crm.Bpm.Persistence.Database;

namespace Crm.Bpm.Cli.Engine;

/// <summary><c>crm bench engine</c> with a store or a scenario: checks the options, opens the store, runs the model or scenario and prints one JSON line per figure.</summary>
internal static class BenchEngineFigures
{
    /// <summary>The exit code when the database cannot be opened (as <c>crm engine serve</c>).</summary>
    public const int DatabaseExitCode = 3;

    private static readonly string[] Scenarios = [UserTaskCycleScenario.Name, TimersScenario.Name, TaskQueryScenario.Name];

    public static int Run(CliArguments arguments, CliConsole console)
    {
        var model = arguments.Get("model");
        var scenario = arguments.Get("scenario");
        if ((model is null) == (scenario is null))
        {
            throw new CliUsageException("give either --model FILE or --scenario " + string.Join("|", Scenarios));
        }

        if (scenario is not null && !Scenarios.Contains(scenario))
        {
            throw new CliUsageException($"--scenario must be {string.Join(", ", Scenarios)}, not '{scenario}'");
        }

        var kind = BenchStore.KindOf(arguments.Get("store") ?? "memory");
        var history = History(arguments.Get("history"));
        var fallback = scenario switch
        {
            TaskQueryScenario.Name => 1_000_000,
            TimersScenario.Name => 10_000,
            UserTaskCycleScenario.Name => kind == BenchStoreKind.Memory ? 100_000 : 5_000,
            _ => kind == BenchStoreKind.Memory ? 100_000 : 10_000,
        };
        var instances = BenchArguments.Instances(arguments, fallback);
        var queries = Queries(arguments.Get("queries"));
        var engines = Engines(arguments.Get("engines"), model is not null || scenario is UserTaskCycleScenario.Name or TimersScenario.Name);
        if (engines > 1 && kind == BenchStoreKind.Memory)
        {
            throw new CliUsageException("--engines needs --store sqlite or --store postgres: the engines share one database, as the nodes of a cluster do");
        }

        var reuse = arguments.Has("reuse");
        if (reuse && (scenario != TaskQueryScenario.Name || arguments.Get("connection") is null))
        {
            throw new CliUsageException("--reuse applies to --scenario task-query with --connection naming a database an earlier task-query run loaded");
        }

        BenchStore store;
        try
        {
            store = BenchStore.Open(kind, arguments.Get("connection"), reuse);
        }
        catch (DatabaseOpenException e)
        {
            console.Error.WriteLine($"crm bench engine: {e.Message}");
            return DatabaseExitCode;
        }

        using (store)
        {
            var run = new BenchRun(store, history, instances, queries, engines);
            try
            {
                IReadOnlyList<BenchFigure> figures = scenario switch
                {
                    UserTaskCycleScenario.Name => [UserTaskCycleScenario.Run(run)],
                    TimersScenario.Name => [TimersScenario.Run(run)],
                    TaskQueryScenario.Name => TaskQueryScenario.Run(run),
                    _ => ModelScenario.Run(run, model!, console) is { } figure ? [figure] : [],
                };
                if (figures.Count == 0)
                {
                    return 1;
                }

                foreach (var figure in figures)
                {
                    console.Out.WriteLine(figure.ToJson());
                }

                return 0;
            }
            catch (BenchFailedException e)
            {
                console.Error.WriteLine($"crm bench engine: {e.Message}");
                return 1;
            }
            catch (AggregateException e) when (e.InnerException is { } inner)
            {
                console.Error.WriteLine($"crm bench engine: {e.Message} {inner.GetType().Name}: {inner.Message}");
                return 1;
            }
        }
    }

    private static HistoryLevel History(string? text) => text switch
    {
        null or "activity" => HistoryLevel.Activity,
        "none" => HistoryLevel.None,
        "full" => HistoryLevel.Full,
        _ => throw new CliUsageException($"--history must be none, activity or full, not '{text}'"),
    };

    private static int Engines(string? text, bool supported)
    {
        if (text is null)
        {
            return 1;
        }

        if (!supported)
        {
            throw new CliUsageException("--engines applies to --model and --scenario user-task-cycle or timers");
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var engines) || engines is < 1 or > 64)
        {
            throw new CliUsageException($"--engines must be a whole number from 1 to 64, not '{text}'");
        }

        return engines;
    }

    private static int Queries(string? text)
    {
        if (text is null)
        {
            return 1000;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var queries) || queries < 1)
        {
            throw new CliUsageException($"--queries must be a whole number of at least 1, not '{text}'");
        }

        return queries;
    }
}
