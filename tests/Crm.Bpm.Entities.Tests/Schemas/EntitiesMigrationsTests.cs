using Crm.Bpm.Persistence.Entities;
using Crm.Bpm.Persistence.PostgreSql.Migrations.Entities;
using Crm.Bpm.Persistence.Sqlite.Migrations.Entities;
using Microsoft.EntityFrameworkCore;

namespace Crm.Bpm.Entities.Tests.Schemas;

/// <summary>Each provider's entities migrations match the model, so no change to <see cref="EntitiesDbContext"/> ships without its migration.</summary>
public class EntitiesMigrationsTests
{
    [Fact]
    public void Sqlite_HasNoPendingModelChanges()
    {
        using var context = new EntitiesDbContext(SqliteEntities.Options("Data Source=:memory:"));

        context.Database.HasPendingModelChanges().Should().BeFalse("run dotnet-ef migrations add ... --context EntitiesDbContext --output-dir Migrations/Entities");
        context.Database.GetMigrations().Should().NotBeEmpty();
    }

    [Fact]
    public void PostgreSql_HasNoPendingModelChanges()
    {
        using var context = new EntitiesDbContext(PostgreSqlEntities.Options("Host=localhost;Database=unused"));

        context.Database.HasPendingModelChanges().Should().BeFalse("run dotnet-ef migrations add ... --context EntitiesDbContext --output-dir Migrations/Entities");
        context.Database.GetMigrations().Should().NotBeEmpty();
    }
}
