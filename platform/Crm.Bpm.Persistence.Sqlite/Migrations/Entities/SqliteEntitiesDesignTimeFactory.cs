using Crm.Bpm.Persistence.Entities;
using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Bpm.Persistence.Sqlite.Migrations.Entities;

/// <summary>Builds the entities context for <c>dotnet ef migrations add --context EntitiesDbContext</c> on SQLite.</summary>
public sealed class SqliteEntitiesDesignTimeFactory : IDesignTimeDbContextFactory<EntitiesDbContext>
{
    public EntitiesDbContext CreateDbContext(string[] args) => new(SqliteEntities.Options("Data Source=design-time-entities.db"));
}
