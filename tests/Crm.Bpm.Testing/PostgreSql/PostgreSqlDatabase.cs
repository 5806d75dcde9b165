namespace Crm.Bpm.Testing.PostgreSql;

/// <summary>An empty PostgreSQL database of its own for one test class (use as <c>IClassFixture&lt;PostgreSqlDatabase&gt;</c>), dropped afterwards.</summary>
/// <remarks>Null <see cref="ConnectionString"/> only when PostgreSQL tests are skipped (<see cref="PostgreSqlTestServer.SkipRequested"/>); otherwise a missing server fails the class.</remarks>
public sealed class PostgreSqlDatabase : IDisposable
{
    public PostgreSqlDatabase()
    {
        if (!PostgreSqlTestServer.SkipRequested)
        {
            ConnectionString = PostgreSqlTestServer.Instance.CreateDatabase("crm_test");
        }
    }

    /// <summary>The connection string of this class's database.</summary>
    public string? ConnectionString { get; private set; }

    /// <summary>A further empty database on the same server, dropped with this fixture.</summary>
    public string CreateAnother(string prefix)
    {
        var connectionString = PostgreSqlTestServer.Instance.CreateDatabase(prefix);
        _others.Add(connectionString);
        return connectionString;
    }

    private readonly List<string> _others = [];

    public void Dispose()
    {
        foreach (var other in _others)
        {
            PostgreSqlTestServer.Instance.DropDatabase(other);
        }

        if (ConnectionString is not null)
        {
            PostgreSqlTestServer.Instance.DropDatabase(ConnectionString);
            ConnectionString = null;
        }
    }
}
