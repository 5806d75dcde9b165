using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.History;

namespace Crm.Bpm.Cli.Engine;

/// <summary>What a <c>crm bench engine</c> scenario runs with: the store, the history level, how many instances (tasks, timers) and queries.</summary>
internal sealed record BenchRun(BenchStore Store, HistoryLevel History, int Instances, int Queries)
{
    /// <summary>The minimum warm-up: enough commands for the JIT to optimize the hot paths and the store to prepare its statements.</summary>
    public static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(1);

    /// <summary>Engine options for measuring: no events recorded, the run's history level.</summary>
    public EngineOptions Options => new() { RecordEvents = false, HistoryLevel = History };

    /// <summary>A figure of this run on its store.</summary>
    public BenchFigure Figure(string name, double value, string unit, long instances) => new(name, value, unit, instances, Store.Name);

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
