using Crm.Bpm.Persistence.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Bpm.Persistence.PostgreSql;

/// <summary>Builds the engine context for <c>dotnet ef migrations</c> on PostgreSQL (no connection is opened).</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<EngineDbContext>
{
    public EngineDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<EngineDbContext>();
        new PostgreSqlDialect().Configure(builder, "Host=127.0.0.1;Database=crm_design_time;Username=postgres");
        return new EngineDbContext(builder.Options);
    }
}
