namespace Crm.Bpm.Persistence.Database;

/// <summary>Which database to open and how.</summary>
public sealed record DatabaseOptions
{
    /// <summary>The SQLite file used when nothing else is configured.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=./data/crm.db";

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>The provider's connection string; null means the default SQLite file.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Whether opening applies the migrations the database lacks (true) or only checks that none is missing.</summary>
    public bool Migrate { get; init; } = true;

    /// <summary>The connection string to use: the given one, or the default SQLite file.</summary>
    public string EffectiveConnectionString => ConnectionString ?? (Provider == DatabaseProvider.Sqlite
        ? DefaultSqliteConnectionString
        : throw new InvalidOperationException($"A connection string is required for {Provider}."));
}
