using System.Data.Common;
using Crm.Bpm.Persistence.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Crm.Bpm.Persistence.Sqlite;

/// <summary>SQLite for the engine store: one writer at a time (<c>BEGIN IMMEDIATE</c>), WAL journal with <c>synchronous=NORMAL</c>.</summary>
public sealed class SqliteDialect : DatabaseDialect
{
    // SQLite result codes (https://www.sqlite.org/rescode.html).
    private const int Busy = 5;
    private const int Locked = 6;
    private const int Constraint = 19;
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override void Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteDialect).Assembly.GetName().Name).MigrationsHistoryTable(EngineMigrations.HistoryTable));
    }

    public override DbConnection CreateConnection(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout < 30)
        {
            // Another writer holds the lock only for one short commit: wait for it rather than fail at once.
            builder.DefaultTimeout = 30;
        }

        return new SqliteConnection(builder.ToString());
    }

    public override void Prepare(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        // WAL lets readers run beside the writer; NORMAL syncs at checkpoints only, still safe against corruption
        // (https://www.sqlite.org/wal.html#performance_considerations).
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
        command.ExecuteNonQuery();
    }

    public override DbTransaction BeginWrite(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // BEGIN IMMEDIATE: take the write lock before reading, so two writers queue instead of deadlocking on upgrade.
        return ((SqliteConnection)connection).BeginTransaction(deferred: false);
    }

    public override string? InsertJsonRows(string table, IReadOnlyList<(string Name, string Kind)> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) SELECT {string.Join(", ", columns.Select((_, i) => $"value ->> {i}"))} FROM jsonb_each(@p0)";
    }

    public override bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: Busy or Locked };

    public override bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: Constraint, SqliteExtendedErrorCode: ConstraintPrimaryKey or ConstraintUnique };

    public override string Describe(string connectionString) =>
        $"the SQLite database {new SqliteConnectionStringBuilder(connectionString).DataSource}";

    public override void EnsureDatabaseExists(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode is SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
