using System.Data;
using System.Data.Common;
using Crm.Bpm.Engine.Runtime.Compilation;
using Crm.Bpm.Engine.Runtime.History;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Engine.Runtime.Timers;
using Crm.Bpm.Persistence.Database;

namespace Crm.Bpm.Persistence.Engine;

/// <summary>The engine store over a relational database (SQLite, PostgreSQL, SQL Server): one transaction per command, optimistic concurrency on instances and rows, only changed rows written.</summary>
/// <remarks>
/// One store serves one engine: the engine serializes its calls, so the store keeps one open connection and its
/// prepared commands. Several engines (threads or servers) share a database through several stores. The tables are
/// those of <see cref="EngineDbContext"/>; reads and writes use prepared SQL rather than change tracking, for speed.
/// Set <see cref="Processes"/> (usually <c>engine.GetProcess</c>) when several engines share the database, so that
/// instances started elsewhere can be loaded.
/// </remarks>
public sealed partial class EfProcessStore : IProcessStore, IHistoryStore, IDisposable
{
    private const int MaxCachedInstances = 20_000;

    private readonly DatabaseDialect _dialect;
    private readonly string _connectionString;
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<long, ProcessDefinitionRecord> _definitions = [];

    // The latest version of each process id this store last saw, and the versions the current command started
    // instances on from it (by definition key): their inserts check that no newer version exists.
    private readonly Dictionary<string, ProcessDefinitionRecord> _latest = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _assumedLatest = [];
    private readonly Dictionary<long, CachedRows> _rows = [];
    private readonly Dictionary<long, object> _read = [];
    private readonly List<PendingWrite> _pending = [];

    // The timers the last acquisition returned and the rows of their instances, read together in one round trip each;
    // the next FindTimer / FindInstance of such a key takes them instead of reading again (once).
    private readonly Dictionary<long, TimerRecord> _acquired = [];
    private readonly Dictionary<long, InstanceRows> _prefetched = [];
    private readonly Lazy<string?> _historyJsonInsert;
    private readonly Lazy<string?> _historyArrayInsert;

    private static readonly (string Name, string Kind)[] HistoryColumnKinds =
    [
        ("event_key", "bigint"), ("event_time", "bigint"), ("kind", "int"), ("instance_key", "bigint"), ("definition_key", "bigint"), ("bpmn_process_id", "text"),
        ("element_id", "text"), ("element_instance_key", "bigint"), ("element_type", "text"), ("variable_name", "text"), ("value", "text"), ("scope_key", "bigint"),
        ("task_key", "bigint"), ("incident_key", "bigint"), ("job_key", "bigint"), ("detail", "text"),
    ];

    // The compiled definitions of the instances this store committed: the engine's own objects, so instances it loads
    // again share them; a definition deployed by another engine comes from Processes instead.
    private readonly Dictionary<long, ExecutableProcess> _compiled = [];
    private DbConnection? _connection;

    // Set while a commit's writes are queued for one implicit-transaction batch (no explicit transaction is open).
    private bool _implicitCommit;
    private DbTransaction? _transaction;

    public EfProcessStore(DatabaseDialect dialect, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(connectionString);
        _dialect = dialect;
        _connectionString = connectionString;
        _historyJsonInsert = new(() => dialect.InsertJsonRows("bpm_history", HistoryColumnKinds));
        _historyArrayInsert = new(() => dialect.InsertColumnArrays("bpm_history", HistoryColumnKinds));
    }

    /// <summary>Finds the compiled process of a definition key, to put loaded instances together (usually <c>engine.GetProcess</c>).</summary>
    public Func<long, ExecutableProcess?>? Processes { get; set; }

    public DatabaseDialect Dialect => _dialect;

    /// <inheritdoc/>
    public long ReserveKeys(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Guard(() =>
        {
            using var transaction = _dialect.BeginWrite(Connection());
            _transaction = transaction;
            try
            {
                var command = Command(_dialect.UpdateReturning("bpm_key_blocks", "next_key = next_key + @p0", "id = 1", "next_key"), 1);
                command.Parameters[0].Value = (long)count;
                var next = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                transaction.Commit();
                return next - count;
            }
            finally
            {
                _transaction = null;
            }
        });
    }

    public void Dispose()
    {
        ResetConnection();
    }

    private DbConnection Connection()
    {
        if (_connection is { State: ConnectionState.Open })
        {
            return _connection;
        }

        ResetConnection();
        var connection = _dialect.CreateConnection(_connectionString);
        try
        {
            connection.Open();
            _dialect.Prepare(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        _connection = connection;
        return connection;
    }

    private void ResetConnection()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        _transaction = null;
        var connection = _connection;
        _connection = null;
        if (connection is not null)
        {
            try
            {
                connection.Dispose();
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or IOException)
            {
                // A broken connection may fail to close; it is dropped either way.
            }
        }
    }

    /// <summary>A prepared command for the SQL with parameters <c>@p0</c>..<c>@p{n-1}</c>, cached on the open connection.</summary>
    private DbCommand Command(string sql, int parameters)
    {
        var connection = Connection();
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameters; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                command.Parameters.Add(parameter);
            }

            _commands[sql] = command;
        }

        command.Transaction = _transaction;
        return command;
    }

    private static void Set(DbCommand command, int index, object? value) => command.Parameters[index].Value = value ?? DBNull.Value;

    /// <summary>Runs database work, turning transient failures into <see cref="StoreUnavailableException"/> and write-write conflicts into <see cref="StoreConcurrencyException"/>.</summary>
    private T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (e is not StoreConcurrencyException and not StoreUnavailableException && _dialect.IsConflict(e))
        {
            ResetIfBroken();
            throw new StoreConcurrencyException($"Another writer changed the same rows at the same time: {e.Message}", e);
        }
        catch (Exception e) when (e is not StoreConcurrencyException and not StoreUnavailableException && (_dialect.IsTransient(e) || IsBroken()))
        {
            ResetConnection();
            // The other pooled connections died with this one (server restart, terminated backends): start afresh.
            _dialect.ClearPool(_connectionString);
            throw new StoreUnavailableException($"{Capitalized(_dialect.Describe(_connectionString))} is unavailable: {e.Message}", e);
        }
    }

    private bool IsBroken() => _connection is null || _connection.State is not ConnectionState.Open;

    private void ResetIfBroken()
    {
        if (IsBroken())
        {
            ResetConnection();
        }
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private sealed record CachedRows(int Version, InstanceRows Rows);
}
