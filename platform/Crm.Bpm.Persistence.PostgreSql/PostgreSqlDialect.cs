using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Net.Sockets;
using Crm.Bpm.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crm.Bpm.Persistence.PostgreSql;

/// <summary>PostgreSQL for the engine store: row locks with <c>FOR UPDATE SKIP LOCKED</c>, automatic statement preparation.</summary>
public sealed partial class PostgreSqlDialect : DatabaseDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override void Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgreSqlDialect).Assembly.GetName().Name).MigrationsHistoryTable(EngineMigrations.HistoryTable));
    }

    public override DbConnection CreateConnection(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            // The store runs the same few statements over and over: let Npgsql prepare them server-side.
            builder.MaxAutoPrepare = 100;
            builder.AutoPrepareMinUsages = 2;
        }

        return new NpgsqlConnection(builder.ToString());
    }

    public override void ClearPool(string connectionString)
    {
        using var connection = (NpgsqlConnection)CreateConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    public override string? InsertJsonRows(string table, IReadOnlyList<(string Name, string Kind)> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) SELECT {string.Join(", ", columns.Select((c, i) => $"(r ->> {i})::{c.Kind}"))} FROM json_array_elements(@p0::json) AS r";
    }

    public override bool CommitsBatchesImplicitly => true;

    /// <remarks>
    /// The write's rows are counted in a data-modifying CTE and 1 is divided by the count: no row raises
    /// <c>division_by_zero</c> (22012), which aborts the implicit transaction and with it every write of the batch. None of
    /// the store's own writes does arithmetic, so that error can only come from this check.
    /// </remarks>
    public override string FailUnlessOneRow(string sql) =>
        _checked.GetOrAdd(sql, static text => $"WITH w AS ({text} RETURNING 1) SELECT 1 / count(*) FROM w");

    private readonly ConcurrentDictionary<string, string> _checked = new(StringComparer.Ordinal);

    public override bool IsFailedRowCheck(Exception exception, DbBatch batch, out int index)
    {
        ArgumentNullException.ThrowIfNull(batch);
        // The server stops at the failing statement: it is the first one the driver saw no completion for.
        index = -1;
        for (var i = 0; i < batch.BatchCommands.Count; i++)
        {
            if (batch.BatchCommands[i] is NpgsqlBatchCommand { StatementType: StatementType.Unknown })
            {
                index = i;
                break;
            }
        }

        return exception is PostgresException { SqlState: PostgresErrorCodes.DivisionByZero };
    }

    public override string? InsertColumnArrays(string table, IReadOnlyList<(string Name, string Kind)> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) SELECT * FROM unnest({string.Join(", ", columns.Select((c, i) => $"@p{i}::{c.Kind}[]"))})";
    }

    public override string? PositionalBatchSql(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        // Npgsql runs a batch of positional commands ($1, $2...) as they are; named ones are parsed and rewritten on every execution.
        return _positional.GetOrAdd(sql, static text => Placeholder().Replace(text, m => "$" + (int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture)));
    }

    private readonly ConcurrentDictionary<string, string> _positional = new(StringComparer.Ordinal);

    [GeneratedRegex(@"@p(\d+)")]
    private static partial Regex Placeholder();

    public override bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Class 08 connection exception, 53 insufficient resources, 57P01 admin shutdown (pg_terminate_backend),
                // 57P02 crash shutdown, 57P03 cannot connect now (starting up or shutting down).
                case PostgresException pg:
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || pg.SqlState is "57P01" or "57P02" or "57P03";
                case NpgsqlException npg when npg.IsTransient:
                    return true;
                case SocketException or IOException or TimeoutException or EndOfStreamException:
                    return true;
            }
        }

        // Any other client-side Npgsql error (not one the server reported) is about the connection itself.
        return exception is NpgsqlException and not PostgresException;
    }

    public override bool IsUniqueViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override bool IsConflict(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };

    public override string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"the PostgreSQL server {builder.Host}:{builder.Port} (database '{builder.Database}', user '{builder.Username}')";
    }

    public override void EnsureDatabaseExists(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database;
        if (string.IsNullOrEmpty(name) || name == "postgres")
        {
            return;
        }

        builder.Database = "postgres";
        builder.Pooling = false;
        using var connection = new NpgsqlConnection(builder.ToString());
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
        exists.Parameters.AddWithValue("n", name);
        if (exists.ExecuteScalar() is null)
        {
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            try
            {
                create.ExecuteNonQuery();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another server created it at the same moment.
            }
        }
    }

    public override string SkipLocked => " FOR UPDATE SKIP LOCKED";

    public override SchemaLock LockSchema(string connectionString, string resource)
    {
        // A session-level advisory lock (https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS) on a
        // connection outside the pool: EF Core's own migration lock is released between migrations, and a second server
        // would then apply one again.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        return SchemaLock.Take(new NpgsqlConnection(builder.ToString()), "SELECT pg_advisory_lock(hashtext(@p0))", "SELECT pg_advisory_unlock(hashtext(@p0))", resource);
    }
}
