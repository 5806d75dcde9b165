using Crm.Bpm.Persistence.Entities;
using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Bpm.Persistence.SqlServer.Migrations.Entities;

/// <summary>Builds the entities context for <c>dotnet ef migrations add --context EntitiesDbContext</c> on SQL Server (no server needed).</summary>
public sealed class SqlServerEntitiesDesignTimeFactory : IDesignTimeDbContextFactory<EntitiesDbContext>
{
    public EntitiesDbContext CreateDbContext(string[] args) => new(SqlServerEntities.Options("Server=localhost;Database=crm_design_time;Trusted_Connection=True;TrustServerCertificate=True"));
}
