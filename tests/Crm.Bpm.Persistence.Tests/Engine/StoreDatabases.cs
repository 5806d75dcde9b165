using Crm.Bpm.Persistence.Database;
using Crm.Bpm.Testing.PostgreSql;

namespace Crm.Bpm.Persistence.Tests.Engine;

/// <summary>A SQLite file and (unless PostgreSQL tests are skipped) a PostgreSQL database, both migrated, for one test class.</summary>
public sealed class StoreDatabases : IDisposable
{
    private readonly SqliteTestDatabase _sqlite = new();
    private readonly PostgreSqlDatabase _postgres = new();
    private readonly Lazy<EngineDatabase> _postgresDatabase;

    public StoreDatabases()
    {
        _postgresDatabase = new(() => EngineDatabase.Open(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = _postgres.ConnectionString }));
    }

    /// <summary>The providers the store tests run on: SQLite always, PostgreSQL unless skipped (CRM_SKIP_POSTGRES=1 off CI).</summary>
    public static TheoryData<string> Providers()
    {
        var data = new TheoryData<string> { "Sqlite" };
        if (!PostgreSqlTestServer.SkipRequested)
        {
            data.Add("PostgreSql");
        }

        return data;
    }

    public string PostgreSqlConnectionString => _postgres.ConnectionString!;

    /// <summary>The provider's database, emptied.</summary>
    public EngineDatabase Fresh(string provider)
    {
        var database = provider == "Sqlite" ? _sqlite.Database : _postgresDatabase.Value;
        EngineTables.Clear(database);
        return database;
    }

    public void Dispose()
    {
        _sqlite.Dispose();
        _postgres.Dispose();
    }
}
