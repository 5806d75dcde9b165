namespace Crm.Bpm.Cli.Engine;

/// <summary>The store <c>crm bench engine --store</c> runs against.</summary>
internal enum BenchStoreKind
{
    /// <summary>The in-memory store (ended instances not retained).</summary>
    Memory,

    /// <summary>A SQLite file (a temporary one unless <c>--connection</c> names another).</summary>
    Sqlite,

    /// <summary>The PostgreSQL database <c>--connection</c> names.</summary>
    PostgreSql,
}
