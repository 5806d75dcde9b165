using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.History;

namespace Crm.Bpm.Cli.Engine;

/// <summary>What a <c>crm bench engine</c> scenario runs with: the store, the history level, how many instances (tasks, timers) and queries.</summary>
internal sealed record BenchRun(BenchStore Store, HistoryLevel History, int Instances, int Queries, int Engines = 1)
{
    /// <summary>The minimum warm-up: enough commands for the JIT to optimize the hot paths and the store to prepare its statements.</summary>
    public static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(1);

    /// <summary>Engine options for measuring: no events recorded, the run's history level.</summary>
    public EngineOptions Options => new() { RecordEvents = false, HistoryLevel = History };

    /// <summary>A figure of this run on its store; with several engines the name says how many.</summary>
    public BenchFigure Figure(string name, double value, string unit, long instances) =>
        new(Engines == 1 ? name : $"{name} ({Engines} engines)", value, unit, instances, Store.Name);

    /// <summary>
    /// Runs <paramref name="one"/> <see cref="Instances"/> times, spread over <see cref="Engines"/> engines on threads of
    /// their own (each engine with its own store and connection, as nodes of a cluster), and gives the wall time.
    /// </summary>
    /// <remarks>Each engine first runs <paramref name="one"/> for <see cref="WarmUpTime"/> (at least 100 times), untimed.</remarks>
    public TimeSpan Spread(IReadOnlyList<ProcessEngine> engines, Action<ProcessEngine> one)
    {
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(one);
        foreach (var engine in engines)
        {
            var warmUp = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < 100 || warmUp.Elapsed < WarmUpTime; i++)
            {
                one(engine);
            }
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (engines.Count == 1)
        {
            for (var i = 0; i < Instances; i++)
            {
                one(engines[0]);
            }
        }
        else
        {
            var shares = Enumerable.Range(0, engines.Count).Select(e => Instances / engines.Count + (e < Instances % engines.Count ? 1 : 0)).ToArray();
            // A thread of its own per engine, as a node of a cluster has: thread-pool workers blocked in synchronous database
            // calls would starve the pool that the driver's own completions may need.
            var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
            var threads = Enumerable.Range(0, engines.Count).Select(e => new Thread(() =>
            {
                try
                {
                    for (var i = 0; i < shares[e]; i++)
                    {
                        one(engines[e]);
                    }
                }
                catch (Exception failure) when (failure is not OutOfMemoryException)
                {
                    failures.Enqueue(failure);
                }
            }) { IsBackground = true, Name = $"bench engine {e + 1}" }).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            if (!failures.IsEmpty)
            {
                throw new AggregateException(failures);
            }
        }

        clock.Stop();
        return clock.Elapsed;
    }

    /// <summary>The engines of the run: the first one given, and one more over a store of its own for each further engine.</summary>
    public IReadOnlyList<ProcessEngine> EnginesBeside(ProcessEngine first)
    {
        var engines = new List<ProcessEngine> { first };
        for (var i = 1; i < Engines; i++)
        {
            engines.Add(Store.CreateEngine(Options));
        }

        return engines;
    }

    /// <summary>A loading store over a new engine store, with the writer threads that suit the database (SQLite: one writer, PostgreSQL: two connections, memory: none).</summary>
    public BatchLoadingStore Loader(Crm.Bpm.Engine.Runtime.Store.IProcessStore inner)
    {
        var writers = new List<Crm.Bpm.Engine.Runtime.Store.IProcessStore>();
        var count = Store.Kind switch
        {
            BenchStoreKind.PostgreSql => 2,
            BenchStoreKind.Sqlite => 1,
            _ => 0,
        };
        for (var i = 0; i < count; i++)
        {
            writers.Add(Store.CreateDatabaseStore()!);
        }

        return new BatchLoadingStore(inner, writers, batchSize: 1000);
    }

    /// <summary>Fails the benchmark when a command was refused.</summary>
    public static CommandResult Check(CommandResult result, string what) =>
        result.Succeeded ? result : throw new BenchFailedException($"{what} was refused: {result.Error}.");
}
