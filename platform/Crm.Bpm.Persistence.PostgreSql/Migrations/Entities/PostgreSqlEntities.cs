using Crm.Bpm.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Crm.Bpm.Persistence.PostgreSql.Migrations.Entities;

/// <summary>Opens the CRM records database on PostgreSQL, with the entities migrations of this project.</summary>
public static class PostgreSqlEntities
{
    public static DbContextOptions<EntitiesDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<EntitiesDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgreSqlEntities).Assembly.GetName().Name).MigrationsHistoryTable(EntitiesDbContext.HistoryTable))
            .Options;

    /// <summary>Opens the database (batches of new rows load with binary COPY) and, unless told not to, migrates it to the newest entities schema.</summary>
    public static EntitiesDatabase Open(string connectionString, bool migrate = true)
    {
        var database = new EntitiesDatabase(Options(connectionString), new PostgreSqlRowCopy());
        if (migrate)
        {
            // Servers starting together: one migrates, the others wait for it and find nothing left to apply.
            var dialect = new PostgreSqlDialect();
            dialect.EnsureDatabaseExists(connectionString);
            using var schemaLock = dialect.LockSchema(connectionString, EntitiesDbContext.HistoryTable);
            database.Migrate();
        }

        return database;
    }
}
