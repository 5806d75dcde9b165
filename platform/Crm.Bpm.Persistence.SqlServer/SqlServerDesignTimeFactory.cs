using Crm.Bpm.Persistence.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Bpm.Persistence.SqlServer;

/// <summary>Builds the engine context for <c>dotnet ef migrations</c> on SQL Server (no connection is opened).</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<EngineDbContext>
{
    public EngineDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<EngineDbContext>();
        new SqlServerDialect().Configure(builder, "Server=localhost;Database=crm_design_time;Trusted_Connection=True;TrustServerCertificate=True");
        return new EngineDbContext(builder.Options);
    }
}
