using Crm.Bpm.Persistence.Database;
using Crm.Bpm.Persistence.PostgreSql.Migrations.Entities;
using Crm.Bpm.Testing.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crm.Bpm.Persistence.Tests.Database;

/// <summary>Servers that start together on a new database migrate it once: each takes the schema lock, the first applies every migration, the others find nothing left.</summary>
public sealed class SchemaLockTests(PostgreSqlDatabase postgres) : IClassFixture<PostgreSqlDatabase>
{
    [PostgreSqlFact]
    public async Task ThreeServersOpeningANewDatabaseTogether_AllOpen_AndEveryMigrationIsAppliedOnce()
    {
        var connectionString = postgres.CreateAnother("crm_lock");
        var options = new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = connectionString };
        using var start = new Barrier(3);
        var opens = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            var engine = EngineDatabase.Open(options);
            PostgreSqlEntities.Open(connectionString);
            return engine;
        })).ToArray();

        var databases = await Task.WhenAll(opens);

        using var context = databases[0].CreateContext();
        var applied = context.Database.GetAppliedMigrations().ToList();
        applied.Should().Equal(context.Database.GetMigrations(), "every engine migration is recorded once, in order");
        using var entities = PostgreSqlEntities.Open(connectionString, migrate: false).CreateContext();
        entities.Database.GetAppliedMigrations().Should().Equal(entities.Database.GetMigrations());
    }

    [PostgreSqlFact]
    public async Task AServerOpeningWhileAnotherHoldsTheSchemaLock_WaitsForIt_ThenFindsTheSchemaMigrated()
    {
        var connectionString = postgres.CreateAnother("crm_lock");
        var dialect = EngineDatabase.FindDialect(DatabaseProvider.PostgreSql);
        var options = new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = connectionString };
        Task<EngineDatabase> open;
        using (dialect.LockSchema(connectionString, EngineMigrations.HistoryTable))
        {
            open = Task.Run(() => EngineDatabase.Open(options));
            WaitForAnotherSessionWaitingOnAnAdvisoryLock(connectionString);
            open.IsCompleted.Should().BeFalse("the schema lock is held by another server");
            AppliedMigrations(connectionString).Should().BeEmpty("nothing may be migrated while another server holds the lock");
        }

        var database = await open;
        using var context = database.CreateContext();
        context.Database.GetAppliedMigrations().Should().Equal(context.Database.GetMigrations());
    }

    private static void WaitForAnotherSessionWaitingOnAnAdvisoryLock(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", connection);
        // Polls until the opening server is seen waiting: a condition, not a timing; the bound only stops a broken run.
        for (var i = 0; i < 600; i++)
        {
            if ((long)command.ExecuteScalar()! > 0)
            {
                return;
            }

            Thread.Sleep(50);
        }

        throw new InvalidOperationException("The opening server never waited for the schema lock.");
    }

    private static List<string> AppliedMigrations(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var exists = new NpgsqlCommand($"SELECT to_regclass('{EngineMigrations.HistoryTable}') IS NOT NULL", connection);
        if (!(bool)exists.ExecuteScalar()!)
        {
            return [];
        }

        using var command = new NpgsqlCommand($"SELECT \"MigrationId\" FROM {EngineMigrations.HistoryTable}", connection);
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
