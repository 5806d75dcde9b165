using System.Data.Common;
using System.Globalization;
using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Clock;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Persistence.Database;
using Crm.Bpm.Persistence.Engine;

namespace Crm.Bpm.Cli.Engine;

/// <summary>The database (or memory) a <c>crm bench engine</c> run measures: opened and migrated once, empty of engine data, and (a temporary SQLite file) deleted afterwards.</summary>
internal sealed class BenchStore : IDisposable
{
    private readonly List<IDisposable> _stores = [];
    private readonly string? _temporaryFile;

    private BenchStore(BenchStoreKind kind, EngineDatabase? database, string? temporaryFile, bool reused = false)
    {
        Reused = reused;
        Kind = kind;
        Database = database;
        _temporaryFile = temporaryFile;
    }

    public BenchStoreKind Kind { get; }

    /// <summary>Whether the database was opened with its rows kept (<c>--reuse</c>): the scenario checks they are its own and skips loading.</summary>
    public bool Reused { get; }

    /// <summary>The opened database; null for the in-memory store.</summary>
    public EngineDatabase? Database { get; }

    /// <summary>The store's name in the figures: <c>memory</c>, <c>sqlite</c> or <c>postgres</c>.</summary>
    public string Name => Kind switch
    {
        BenchStoreKind.Sqlite => "sqlite",
        BenchStoreKind.PostgreSql => "postgres",
        _ => "memory",
    };

    /// <summary>The store kind an option value names.</summary>
    /// <exception cref="CliUsageException">Not memory, sqlite or postgres.</exception>
    public static BenchStoreKind KindOf(string text) => text switch
    {
        "memory" => BenchStoreKind.Memory,
        "sqlite" => BenchStoreKind.Sqlite,
        "postgres" or "postgresql" => BenchStoreKind.PostgreSql,
        _ => throw new CliUsageException($"--store must be memory, sqlite or postgres, not '{text}'"),
    };

    /// <summary>Opens the store: memory as is, SQLite in a new temporary file unless a connection string is given, PostgreSQL only with one.</summary>
    /// <exception cref="CliUsageException">PostgreSQL without a connection string, or a connection string for the in-memory store.</exception>
    /// <exception cref="DatabaseOpenException">The database cannot be opened or already holds engine data; the message says what to do.</exception>
    public static BenchStore Open(BenchStoreKind kind, string? connectionString, bool reuse = false)
    {
        switch (kind)
        {
            case BenchStoreKind.Memory when connectionString is not null:
                throw new CliUsageException("--connection needs --store sqlite or --store postgres");
            case BenchStoreKind.Memory:
                return new BenchStore(kind, null, null);
            case BenchStoreKind.PostgreSql when connectionString is null:
                throw new CliUsageException(
                    "--store postgres needs --connection \"Host=HOST;Port=5432;Username=USER;Password=...;Database=DB\" naming an empty database " +
                    "(createdb DB); crm bench starts no PostgreSQL server");
        }

        string? temporary = null;
        if (connectionString is null)
        {
            temporary = Path.Combine(Path.GetTempPath(), $"crm-bench-{Guid.NewGuid():N}.db");
            connectionString = $"Data Source={temporary}";
        }

        var provider = kind == BenchStoreKind.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;
        EngineDatabase database;
        try
        {
            database = EngineDatabase.Open(new DatabaseOptions { Provider = provider, ConnectionString = connectionString });
            if (!reuse)
            {
                RequireEmpty(database);
            }
        }
        catch
        {
            DeleteFiles(temporary);
            throw;
        }

        return new BenchStore(kind, database, temporary, reuse);
    }

    /// <summary>A new engine over a new store of this database (memory: ended instances dropped).</summary>
    public ProcessEngine CreateEngine(EngineOptions options, IEngineClock? clock = null, Func<IProcessStore, IProcessStore>? wrap = null)
    {
        IProcessStore store;
        if (Database is null)
        {
            store = new InMemoryProcessStore { KeepEndedInstances = false };
        }
        else
        {
            var database = Database.CreateStore();
            _stores.Add(database);
            store = database;
        }

        var engine = new ProcessEngine(wrap is null ? store : wrap(store), clock, options);
        if (store is EfProcessStore ef)
        {
            ef.Processes = engine.GetProcess;
        }

        return engine;
    }

    /// <summary>A new database store of its own (a writer thread's); null for the in-memory store.</summary>
    public EfProcessStore? CreateDatabaseStore()
    {
        if (Database is null)
        {
            return null;
        }

        var store = Database.CreateStore();
        lock (_stores)
        {
            _stores.Add(store);
        }

        return store;
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        _stores.Clear();
        if (Database is not null && Kind == BenchStoreKind.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        DeleteFiles(_temporaryFile);
    }

    private static void RequireEmpty(EngineDatabase database)
    {
        using var connection = database.Dialect.CreateConnection(database.ConnectionString);
        connection.Open();
        var rows = Count(connection, "bpm_process_instances") + Count(connection, "bpm_user_tasks") + Count(connection, "bpm_timers");
        if (rows > 0)
        {
            throw new DatabaseOpenException(
                $"{database.Description} already holds engine data ({rows.ToString("N0", CultureInfo.InvariantCulture)} instance, task and timer rows); " +
                "benchmarks need an empty database (their figures would mix with that data): give a new one with --connection.");
        }
    }

    private static long Count(DbConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void DeleteFiles(string? file)
    {
        if (file is null)
        {
            return;
        }

        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // A temporary file left behind is harmless; the figures are printed already.
            }
        }
    }
}
