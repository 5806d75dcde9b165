using Crm.Bpm.Persistence.Database;
using Crm.Bpm.Persistence.Engine;
using Crm.Bpm.Testing.PostgreSql;
using Microsoft.EntityFrameworkCore;

namespace Crm.Bpm.Persistence.Tests.Database;

/// <summary>Opening a database: created and migrated on first start, refused with one clear message when unreachable or written by a newer Crm.Bpm.</summary>
public sealed class EngineDatabaseTests(PostgreSqlDatabase postgres) : IClassFixture<PostgreSqlDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-db-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Open_CreatesAndMigratesTheSqliteFile_OnFirstStart()
    {
        var file = Path.Combine(_folder, "data", "crm.db");

        var database = EngineDatabase.Open(new DatabaseOptions { ConnectionString = $"Data Source={file}" });

        File.Exists(file).Should().BeTrue();
        using var context = database.CreateContext();
        context.Database.GetPendingMigrations().Should().BeEmpty();
        context.SchemaInfo.Single().SchemaVersion.Should().Be(EngineSchema.Version);
        context.KeyBlocks.Single().NextKey.Should().Be(1);
    }

    [Fact]
    public void Open_IsIdempotent_OnASecondStart()
    {
        var options = new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "again.db")}" };
        EngineDatabase.Open(options);

        var act = () => EngineDatabase.Open(options);

        act.Should().NotThrow();
    }

    [Fact]
    public void Open_Refuses_ADatabaseMigratedByANewerVersion()
    {
        var options = new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "newer.db")}" };
        var database = EngineDatabase.Open(options);
        using (var context = database.CreateContext())
        {
            context.Database.ExecuteSqlRaw($"INSERT INTO {EngineMigrations.HistoryTable} (\"MigrationId\", \"ProductVersion\") VALUES ('29990101000000_FromTheFuture', '99.0.0')");
        }

        var act = () => EngineDatabase.Open(options);

        act.Should().Throw<DatabaseOpenException>().WithMessage("*newer version of Crm.Bpm*29990101000000_FromTheFuture*");
    }

    [Fact]
    public void Open_Refuses_ASchemaVersionAboveOurs()
    {
        var options = new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "schema.db")}" };
        var database = EngineDatabase.Open(options);
        using (var context = database.CreateContext())
        {
            context.Database.ExecuteSqlRaw("UPDATE bpm_schema_info SET schema_version = 999");
        }

        var act = () => EngineDatabase.Open(options);

        act.Should().Throw<DatabaseOpenException>().WithMessage("*schema version 999*newer*");
    }

    [Fact]
    public void Open_NamesTheServerAndWhatToDo_WhenPostgreSqlIsUnreachable()
    {
        var act = () => EngineDatabase.Open(new DatabaseOptions
        {
            Provider = DatabaseProvider.PostgreSql,
            ConnectionString = "Host=127.0.0.1;Port=1;Database=crm;Username=crm;Timeout=3",
        });

        act.Should().Throw<DatabaseOpenException>()
            .WithMessage("Cannot open the PostgreSQL server 127.0.0.1:1 (database 'crm'*Check that the server runs*");
    }

    [PostgreSqlFact]
    public void Open_MigratesAPostgreSqlDatabase()
    {
        var database = EngineDatabase.Open(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = postgres.ConnectionString });

        using var context = database.CreateContext();
        context.Database.GetPendingMigrations().Should().BeEmpty();
        context.SchemaInfo.Single().SchemaVersion.Should().Be(EngineSchema.Version);
    }

    [PostgreSqlFact]
    public void Open_CreatesAMissingPostgreSqlDatabase()
    {
        var other = postgres.CreateAnother("crm_missing");
        PostgreSqlTestServer.Instance.DropDatabase(other);

        var database = EngineDatabase.Open(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = other });

        using var context = database.CreateContext();
        context.KeyBlocks.Single().NextKey.Should().Be(1);
    }
}
