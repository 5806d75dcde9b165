using Crm.Bpm.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Crm.Bpm.Persistence.SqlServer.Migrations.Entities;

/// <summary>Opens the CRM records database on SQL Server, with the entities migrations of this project.</summary>
public static class SqlServerEntities
{
    public static DbContextOptions<EntitiesDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<EntitiesDbContext>()
            .UseSqlServer(connectionString, o => o.MigrationsAssembly(typeof(SqlServerEntities).Assembly.GetName().Name).MigrationsHistoryTable(EntitiesDbContext.HistoryTable))
            .Options;

    /// <summary>Opens the database and, unless told not to, migrates it to the newest entities schema.</summary>
    public static EntitiesDatabase Open(string connectionString, bool migrate = true)
    {
        var database = new EntitiesDatabase(Options(connectionString));
        if (migrate)
        {
            // Servers starting together: one migrates, the others wait for it and find nothing left to apply.
            var dialect = new SqlServerDialect();
            dialect.EnsureDatabaseExists(connectionString);
            using var schemaLock = dialect.LockSchema(connectionString, EntitiesDbContext.HistoryTable);
            database.Migrate();
        }

        return database;
    }
}
