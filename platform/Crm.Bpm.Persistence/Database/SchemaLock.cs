using System.Data.Common;

namespace Crm.Bpm.Persistence.Database;

/// <summary>A lock across servers held while one server checks and migrates a database's schema, so that servers starting together apply each migration once; disposing it releases the lock.</summary>
/// <remarks>Holds its own connection: session-level locks (PostgreSQL advisory locks, SQL Server application locks) live as long as the session that took them.</remarks>
public sealed class SchemaLock : IDisposable
{
    private readonly DbConnection? _connection;
    private readonly string? _releaseSql;
    private readonly string? _resource;

    private SchemaLock(DbConnection? connection, string? releaseSql, string? resource)
    {
        _connection = connection;
        _releaseSql = releaseSql;
        _resource = resource;
    }

    /// <summary>No lock: for stores whose migrator serialises itself (SQLite's single writer).</summary>
    public static SchemaLock None { get; } = new(null, null, null);

    /// <summary>Takes a lock on a new connection by running <paramref name="acquireSql"/> with parameter <c>@p0</c> = <paramref name="resource"/>; <paramref name="releaseSql"/> (same parameter) gives it back.</summary>
    /// <param name="connection">A closed connection of its own; the lock owns and closes it.</param>
    /// <param name="acquireSql">Blocks until the lock is granted.</param>
    /// <param name="releaseSql">Releases it; closing the connection releases it as well.</param>
    /// <param name="resource">The lock's name.</param>
    public static SchemaLock Take(DbConnection connection, string acquireSql, string releaseSql, string resource)
    {
        ArgumentNullException.ThrowIfNull(connection);
        try
        {
            connection.Open();
            Run(connection, acquireSql, resource);
            return new SchemaLock(connection, releaseSql, resource);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_connection is null)
        {
            return;
        }

        try
        {
            Run(_connection, _releaseSql!, _resource!);
        }
        catch (DbException)
        {
            // The connection is gone: the server released the session's lock with it.
        }
        finally
        {
            _connection.Dispose();
        }
    }

    private static void Run(DbConnection connection, string sql, string resource)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        // Waiting for another server's migration is not a fault; the migration itself has no time limit either.
        command.CommandTimeout = 0;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@p0";
        parameter.Value = resource;
        command.Parameters.Add(parameter);
        command.ExecuteNonQuery();
    }
}
