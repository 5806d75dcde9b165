using Crm.Bpm.Testing.PostgreSql;
using Microsoft.Data.Sqlite;

namespace Crm.Bpm.Connectors.Tests.Infrastructure;

/// <summary>Fresh empty databases for one test class: SQLite files in a temporary folder, and PostgreSQL databases on the shared test server (unless skipped).</summary>
public sealed class TestDatabases : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-connectors-").FullName;
    private readonly Lazy<PostgreSqlDatabase> _postgres = new(() => new PostgreSqlDatabase());

    /// <summary>The providers the database tests run on: SQLite always, PostgreSQL unless skipped (CRM_SKIP_POSTGRES=1 off CI).</summary>
    public static TheoryData<string> Providers()
    {
        var data = new TheoryData<string> { "Sqlite" };
        if (!PostgreSqlTestServer.SkipRequested)
        {
            data.Add("PostgreSql");
        }

        return data;
    }

    /// <summary>The connection string of a new empty database of the provider.</summary>
    public string Fresh(string provider) => provider == "Sqlite"
        ? $"Data Source={Path.Combine(_folder, $"{Guid.NewGuid():N}.db")}"
        : _postgres.Value.CreateAnother("crm_connectors");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (_postgres.IsValueCreated)
        {
            _postgres.Value.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
