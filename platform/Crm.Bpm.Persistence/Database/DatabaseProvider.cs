namespace Crm.Bpm.Persistence.Database;

/// <summary>The database products Crm.Bpm stores its data in.</summary>
public enum DatabaseProvider
{
    /// <summary>A SQLite file: one server, no setup (the default, <c>./data/crm.db</c>).</summary>
    Sqlite,

    /// <summary>PostgreSQL: several servers over one database.</summary>
    PostgreSql,

    /// <summary>Microsoft SQL Server.</summary>
    SqlServer,
}
