using Crm.Bpm.Persistence.Database;
using Crm.Bpm.Persistence.Engine;
using Crm.Bpm.Persistence.PostgreSql;
using Crm.Bpm.Persistence.Sqlite;
using Crm.Bpm.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Bpm.Persistence.Tests.Database;

/// <summary>Each provider's migrations describe the current model: nobody changed a table without adding a migration.</summary>
public class MigrationsTests
{
    public static TheoryData<string> Providers() => ["Sqlite", "PostgreSql", "SqlServer"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Provider_HasNoPendingModelChanges(string provider)
    {
        IDesignTimeDbContextFactory<EngineDbContext> factory = provider switch
        {
            "Sqlite" => new SqliteDesignTimeFactory(),
            "PostgreSql" => new PostgreSqlDesignTimeFactory(),
            _ => new SqlServerDesignTimeFactory(),
        };
        using var context = factory.CreateDbContext([]);

        context.Database.HasPendingModelChanges().Should().BeFalse("the {0} migrations must match EngineDbContext: run /tmp/dotnet-ef/dotnet-ef migrations add <Name> --project platform/Crm.Bpm.Persistence.{0} --startup-project platform/Crm.Bpm.Persistence.{0} --context EngineDbContext --output-dir Migrations/Engine", provider);
        context.Database.GetMigrations().Should().NotBeEmpty();
    }

    [Fact]
    public void EveryProvider_HasTheSameMigrations()
    {
        static IReadOnlyList<string> Names(IDesignTimeDbContextFactory<EngineDbContext> factory)
        {
            using var context = factory.CreateDbContext([]);
            return [.. context.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..])];
        }

        var sqlite = Names(new SqliteDesignTimeFactory());

        Names(new PostgreSqlDesignTimeFactory()).Should().Equal(sqlite);
        Names(new SqlServerDesignTimeFactory()).Should().Equal(sqlite);
    }

    [Fact]
    public void FindDialect_LoadsEachProviderAssembly()
    {
        EngineDatabase.FindDialect(DatabaseProvider.Sqlite).Should().BeOfType<SqliteDialect>();
        EngineDatabase.FindDialect(DatabaseProvider.PostgreSql).Should().BeOfType<PostgreSqlDialect>();
        EngineDatabase.FindDialect(DatabaseProvider.SqlServer).Should().BeOfType<SqlServerDialect>();
    }
}
