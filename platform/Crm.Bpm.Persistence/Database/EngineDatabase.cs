using System.Data.Common;
using Crm.Bpm.Persistence.Engine;
using Microsoft.EntityFrameworkCore;

namespace Crm.Bpm.Persistence.Database;

/// <summary>An opened engine database: reachable, created when missing, migrated to this build's schema and not written by a newer Crm.Bpm.</summary>
public sealed class EngineDatabase
{
    private EngineDatabase(DatabaseDialect dialect, string connectionString)
    {
        Dialect = dialect;
        ConnectionString = connectionString;
    }

    public DatabaseDialect Dialect { get; }

    public string ConnectionString { get; }

    /// <summary>The server and database in words, for messages.</summary>
    public string Description => Dialect.Describe(ConnectionString);

    /// <summary>Opens (creating and migrating when allowed) the database the options name.</summary>
    /// <param name="options">Provider and connection string.</param>
    /// <param name="dialect">The provider's dialect; null finds it in the provider's assembly (<c>Crm.Bpm.Persistence.Sqlite</c>, ...).</param>
    /// <exception cref="DatabaseOpenException">The server is unreachable, the database was migrated by a newer Crm.Bpm, or it lacks migrations and <see cref="DatabaseOptions.Migrate"/> is off; the message says what to do.</exception>
    public static EngineDatabase Open(DatabaseOptions options, DatabaseDialect? dialect = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        dialect ??= FindDialect(options.Provider);
        var connectionString = options.EffectiveConnectionString;
        var database = new EngineDatabase(dialect, connectionString);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                database.OpenOnce(options);
                return database;
            }
            catch (DatabaseOpenException e) when (attempt < 3 && e.InnerException is { } inner && dialect.IsTransient(inner))
            {
                // Pooled connections left over from before a server restart fail once: drop them and try again.
                dialect.ClearPool(connectionString);
            }
        }
    }

    private void OpenOnce(DatabaseOptions options)
    {
        var dialect = Dialect;
        var connectionString = ConnectionString;
        var database = this;
        try
        {
            dialect.EnsureDatabaseExists(connectionString);
            // Servers starting together on a new or older database: one migrates, the others wait and then see it done.
            using var schemaLock = dialect.LockSchema(connectionString, EngineMigrations.HistoryTable);
            using var context = database.CreateContext();
            var known = context.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            var applied = context.Database.GetAppliedMigrations().ToList();
            var unknown = applied.Where(m => !known.Contains(m)).ToList();
            if (unknown.Count > 0)
            {
                throw new DatabaseOpenException($"{Capitalized(database.Description)} was migrated by a newer version of Crm.Bpm (migration {unknown[^1]} is unknown to this one); run the newer version, or restore a backup made before the upgrade.");
            }

            if (known.Count > applied.Count)
            {
                if (!options.Migrate)
                {
                    throw new DatabaseOpenException($"{Capitalized(database.Description)} lacks {known.Count - applied.Count} migration(s) of this version of Crm.Bpm; start once with migrations enabled to upgrade it.");
                }

                context.Database.Migrate();
            }

            var version = context.SchemaInfo.AsNoTracking().Select(s => (int?)s.SchemaVersion).FirstOrDefault();
            if (version > EngineSchema.Version)
            {
                throw new DatabaseOpenException($"{Capitalized(database.Description)} has engine schema version {version}, newer than this version of Crm.Bpm understands ({EngineSchema.Version}); run the newer version.");
            }
        }
        catch (Exception e) when (e is not DatabaseOpenException && (dialect.IsTransient(e) || e is DbException))
        {
            throw new DatabaseOpenException($"Cannot open {database.Description}: {FirstLine(e.Message)}. Check that the server runs and accepts connections, and that the connection string is right.", e);
        }
    }

    /// <summary>A context over this database, for schema work and ad-hoc queries (the store uses its own connection).</summary>
    public EngineDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<EngineDbContext>();
        Dialect.Configure(builder, ConnectionString);
        return new EngineDbContext(builder.Options);
    }

    /// <summary>A new engine store over this database; each engine (thread) uses its own.</summary>
    public EfProcessStore CreateStore() => new(Dialect, ConnectionString);

    /// <summary>The dialect of a provider, from its provider assembly.</summary>
    public static DatabaseDialect FindDialect(DatabaseProvider provider)
    {
        // The provider projects depend on this one, not the other way round: find them by name at run time.
        var typeName = provider switch
        {
            DatabaseProvider.Sqlite => "Crm.Bpm.Persistence.Sqlite.SqliteDialect, Crm.Bpm.Persistence.Sqlite",
            DatabaseProvider.PostgreSql => "Crm.Bpm.Persistence.PostgreSql.PostgreSqlDialect, Crm.Bpm.Persistence.PostgreSql",
            DatabaseProvider.SqlServer => "Crm.Bpm.Persistence.SqlServer.SqlServerDialect, Crm.Bpm.Persistence.SqlServer",
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
        var type = Type.GetType(typeName, throwOnError: false)
            ?? throw new DatabaseOpenException($"The {provider} provider (assembly {typeName.Split(", ")[1]}) is not installed beside Crm.Bpm.");
        return (DatabaseDialect)Activator.CreateInstance(type)!;
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.TrimEnd('.');
    }
}
