using Crm.Bpm.Persistence.Database;
using Microsoft.Data.Sqlite;

namespace Crm.Bpm.Persistence.Tests.Engine;

/// <summary>A migrated SQLite file of its own for one test class, deleted afterwards.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-sqlite-").FullName;

    public SqliteTestDatabase()
    {
        ConnectionString = $"Data Source={Path.Combine(_folder, "crm.db")}";
        Database = EngineDatabase.Open(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = ConnectionString });
    }

    public string ConnectionString { get; }

    public EngineDatabase Database { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
