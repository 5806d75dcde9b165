using Crm.Bpm.Persistence.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Crm.Bpm.Persistence.Sqlite.Migrations.Entities;

/// <summary>Opens the CRM records database in a SQLite file, with the entities migrations of this project.</summary>
public static class SqliteEntities
{
    public static DbContextOptions<EntitiesDbContext> Options(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout < 30)
        {
            // A writer holds the file lock for one short commit: wait for it rather than fail with SQLITE_BUSY.
            builder.DefaultTimeout = 30;
        }

        return new DbContextOptionsBuilder<EntitiesDbContext>()
            .UseSqlite(builder.ToString(), o => o.MigrationsAssembly(typeof(SqliteEntities).Assembly.GetName().Name).MigrationsHistoryTable(EntitiesDbContext.HistoryTable))
            .Options;
    }

    /// <summary>Opens the database and, unless told not to, migrates it to the newest entities schema.</summary>
    public static EntitiesDatabase Open(string connectionString, bool migrate = true)
    {
        var database = new EntitiesDatabase(Options(connectionString));
        if (migrate)
        {
            database.Migrate();
        }

        return database;
    }
}
