using System.Data.Common;
using Crm.Bpm.Persistence.Database;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Crm.Bpm.Persistence.SqlServer;

/// <summary>SQL Server for the engine store: row locks with <c>UPDLOCK, READPAST, ROWLOCK</c>, <c>TOP</c> and <c>OUTPUT</c>.</summary>
public sealed class SqlServerDialect : DatabaseDialect
{
    // SqlException.Number values (https://learn.microsoft.com/sql/relational-databases/errors-events/database-engine-events-and-errors).
    private static readonly HashSet<int> TransientNumbers = [-2, 20, 53, 64, 121, 233, 4060, 10053, 10054, 10060, 10928, 10929, 40197, 40501, 40613, 49918, 49919, 49920];
    private const int Deadlock = 1205;
    private const int UniqueIndex = 2601;
    private const int UniqueConstraint = 2627;

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public override void Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(typeof(SqlServerDialect).Assembly.GetName().Name).MigrationsHistoryTable(EngineMigrations.HistoryTable));
    }

    public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public override void ClearPool(string connectionString)
    {
        using var connection = new SqlConnection(connectionString);
        SqlConnection.ClearPool(connection);
    }

    public override bool IsTransient(Exception exception) =>
        exception is SqlException sql && TransientNumbers.Contains(sql.Number) || exception is TimeoutException || exception.InnerException is TimeoutException;

    public override bool IsUniqueViolation(Exception exception) =>
        exception is SqlException { Number: UniqueIndex or UniqueConstraint };

    public override bool IsConflict(Exception exception) => exception is SqlException { Number: Deadlock };

    public override string Describe(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        return $"the SQL Server {builder.DataSource} (database '{builder.InitialCatalog}')";
    }

    public override void EnsureDatabaseExists(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        var name = builder.InitialCatalog;
        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        builder.InitialCatalog = "master";
        using var connection = new SqlConnection(builder.ToString());
        connection.Open();
        using var command = new SqlCommand($"IF DB_ID(@n) IS NULL EXEC('CREATE DATABASE [' + REPLACE(@n, ']', ']]') + ']')", connection);
        command.Parameters.AddWithValue("@n", name);
        command.ExecuteNonQuery();
    }

    public override bool PreferBatches => true;

    public override SchemaLock LockSchema(string connectionString, string resource)
    {
        // A session-owned application lock (sp_getapplock) on a connection outside the pool, held across all migrations.
        var builder = new SqlConnectionStringBuilder(connectionString) { Pooling = false };
        return SchemaLock.Take(
            new SqlConnection(builder.ToString()),
            "EXEC sp_getapplock @Resource = @p0, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = -1",
            "EXEC sp_releaseapplock @Resource = @p0, @LockOwner = 'Session'",
            resource);
    }

    public override string Top(string parameter) => $"TOP ({parameter}) ";

    public override string Limit(string parameter) => "";

    public override string LockHint => " WITH (UPDLOCK, READPAST, ROWLOCK)";

    public override string UpdateReturning(string table, string set, string where, string columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var output = string.Join(", ", columns.Split(',').Select(c => "inserted." + c.Trim()));
        return $"UPDATE {table} SET {set} OUTPUT {output} WHERE {where}";
    }
}
