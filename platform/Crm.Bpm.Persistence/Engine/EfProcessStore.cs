using Crm.Bpm.Persistence.Database;

namespace Crm.Bpm.Persistence.Engine;

/// <summary>The engine store over a relational database.</summary>
public sealed class EfProcessStore(DatabaseDialect dialect, string connectionString)
{
    public DatabaseDialect Dialect => dialect;

    public string ConnectionString => connectionString;
}
