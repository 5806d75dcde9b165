using Crm.Bpm.Persistence.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Bpm.Persistence.Sqlite;

/// <summary>Builds the engine context for <c>dotnet ef migrations</c> on SQLite.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<EngineDbContext>
{
    public EngineDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<EngineDbContext>();
        new SqliteDialect().Configure(builder, "Data Source=design-time.db");
        return new EngineDbContext(builder.Options);
    }
}
