using Crm.Bpm.Persistence.Entities;
using Crm.Bpm.Persistence.Sqlite.Migrations.Entities;
using Microsoft.Data.Sqlite;

namespace Crm.Bpm.Entities.Tests.Infrastructure;

/// <summary>SQLite database files in a temporary folder, deleted with it.</summary>
public sealed class SqliteFiles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-entities-").FullName;

    public EntitiesDatabase Open() => SqliteEntities.Open($"Data Source={Path.Combine(_folder, $"{Guid.NewGuid():N}.db")}");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
