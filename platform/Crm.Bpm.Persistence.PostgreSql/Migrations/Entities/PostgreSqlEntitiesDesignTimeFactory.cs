using Crm.Bpm.Persistence.Entities;
using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Bpm.Persistence.PostgreSql.Migrations.Entities;

/// <summary>Builds the entities context for <c>dotnet ef migrations add --context EntitiesDbContext</c> on PostgreSQL (no server needed).</summary>
public sealed class PostgreSqlEntitiesDesignTimeFactory : IDesignTimeDbContextFactory<EntitiesDbContext>
{
    public EntitiesDbContext CreateDbContext(string[] args) => new(PostgreSqlEntities.Options("Host=localhost;Database=crm_design_time"));
}
