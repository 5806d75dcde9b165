using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Crm.Bpm.Persistence.Database;

/// <summary>What differs between database products for the engine store: connections, SQL for limits, row locks and returned rows, and which errors are transient.</summary>
/// <remarks>Each provider project (<c>Crm.Bpm.Persistence.Sqlite</c>, <c>.PostgreSql</c>, <c>.SqlServer</c>) supplies one, together with its migrations.</remarks>
public abstract class DatabaseDialect
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Configures EF Core for this provider, with the provider project as migrations assembly.</summary>
    public abstract void Configure(DbContextOptionsBuilder builder, string connectionString);

    /// <summary>A new, closed connection; the store keeps it open for its lifetime and reopens it after a failure.</summary>
    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>Runs after a connection opened (SQLite: journal mode and synchronous pragmas).</summary>
    public virtual void Prepare(DbConnection connection)
    {
    }

    /// <summary>Starts the transaction of a write; SQLite takes the write lock at once (<c>BEGIN IMMEDIATE</c>).</summary>
    public virtual DbTransaction BeginWrite(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.BeginTransaction();
    }

    /// <summary>Whether the error means the database is unreachable for now (connection refused or lost, timeout, restart, busy) so the command may be retried.</summary>
    public abstract bool IsTransient(Exception exception);

    /// <summary>Drops the idle pooled connections of the connection string: after a server restart they are all dead.</summary>
    public virtual void ClearPool(string connectionString)
    {
    }

    /// <summary>Whether the error is a deadlock or serialization failure between two writers, retried like a version conflict.</summary>
    public virtual bool IsConflict(Exception exception) => false;

    /// <summary>Whether the error is a unique-key violation (two servers inserted the same row).</summary>
    public abstract bool IsUniqueViolation(Exception exception);

    /// <summary>The server and database in words, for error messages; never the password.</summary>
    public abstract string Describe(string connectionString);

    /// <summary>Creates the database when the server has none of that name (SQLite: the file's folder).</summary>
    public abstract void EnsureDatabaseExists(string connectionString);

    /// <summary>Takes the lock named <paramref name="resource"/> that servers hold while they check and migrate the schema (waits while another server holds it); none where the store serialises migrations itself.</summary>
    /// <param name="connectionString">The database.</param>
    /// <param name="resource">What is migrated, e.g. the migrations history table: each context has its own lock.</param>
    public virtual SchemaLock LockSchema(string connectionString, string resource) => SchemaLock.None;

    /// <summary>The clause after <c>SELECT</c> limiting rows (SQL Server <c>TOP (n)</c>), or empty.</summary>
    public virtual string Top(string parameter) => "";

    /// <summary>The clause at the end of a query limiting rows (<c>LIMIT n</c>), or empty.</summary>
    public virtual string Limit(string parameter) => $" LIMIT {parameter}";

    /// <summary>The table hint that locks the rows read and skips those locked by others (SQL Server), or empty.</summary>
    public virtual string LockHint => "";

    /// <summary>The clause at the end of a query that locks the rows read and skips those locked by others (PostgreSQL), or empty.</summary>
    public virtual string SkipLocked => "";

    /// <summary>An INSERT of many rows from one JSON parameter <c>@p0</c> (an array of rows, each an array of the column values), or null where multi-row VALUES are cheaper.</summary>
    /// <remarks>Binding hundreds of parameters costs more (SQLite binds each by name, Npgsql rewrites the SQL) than parsing the rows from JSON in one go.</remarks>
    /// <param name="table">The table.</param>
    /// <param name="columns">Each column with its kind: <c>bigint</c>, <c>int</c> or <c>text</c>.</param>
    public virtual string? InsertJsonRows(string table, IReadOnlyList<(string Name, string Kind)> columns) => null;

    /// <summary>An INSERT of many rows from one array parameter per column (<c>@p0</c> the first column's values, <c>@p1</c> the second's...), or null where the database has no arrays.</summary>
    /// <remarks>PostgreSQL reads typed arrays in binary without parsing any text: cheaper for the server than <see cref="InsertJsonRows"/>.</remarks>
    /// <param name="table">The table.</param>
    /// <param name="columns">Each column with its kind: <c>bigint</c>, <c>int</c> or <c>text</c>.</param>
    public virtual string? InsertColumnArrays(string table, IReadOnlyList<(string Name, string Kind)> columns) => null;

    /// <summary>Whether a commit's writes go to the server as one <see cref="DbBatch"/> rather than one prepared command each.</summary>
    /// <remarks>Measured on PostgreSQL over loopback, prepared single commands beat a fresh batch per commit (the batch costs client CPU); over a slow network a batch saves round trips.</remarks>
    public virtual bool PreferBatches => false;

    /// <summary>
    /// Whether a commit's writes may go as one batch without an explicit transaction, which the server runs atomically
    /// and durably on its own (PostgreSQL: statements up to one Sync form one implicit transaction), with the checks that a
    /// write changed exactly one row made on the server by <see cref="FailUnlessOneRow"/>: one round trip per commit
    /// instead of BEGIN, the writes, and COMMIT.
    /// </summary>
    public virtual bool CommitsBatchesImplicitly => false;

    /// <summary>The write (an INSERT, UPDATE or DELETE without RETURNING) made to fail on the server unless it changes exactly one row; see <see cref="IsFailedRowCheck"/>.</summary>
    public virtual string FailUnlessOneRow(string sql) => throw new NotSupportedException("This database checks changed rows on the client.");

    /// <summary>Whether the exception is a write of <see cref="FailUnlessOneRow"/> in the batch that did not change exactly one row, and its index in the batch (or -1).</summary>
    public virtual bool IsFailedRowCheck(Exception exception, DbBatch batch, out int index)
    {
        index = -1;
        return false;
    }

    /// <summary>The SQL with positional placeholders for a batch command whose parameters go unnamed, or null to keep <c>@p0</c>.. names.</summary>
    public virtual string? PositionalBatchSql(string sql) => null;

    /// <summary>An UPDATE that returns the updated rows' columns.</summary>
    public virtual string UpdateReturning(string table, string set, string where, string columns) =>
        $"UPDATE {table} SET {set} WHERE {where} RETURNING {columns}";
}
