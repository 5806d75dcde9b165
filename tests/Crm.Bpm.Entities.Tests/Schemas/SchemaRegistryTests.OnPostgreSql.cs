using Crm.Bpm.Entities.Tests.Infrastructure;
using Crm.Bpm.Persistence.Entities;
using Crm.Bpm.Testing.PostgreSql;

namespace Crm.Bpm.Entities.Tests.Schemas;

public sealed class SchemaRegistryTestsOnPostgreSql(PostgreSqlDatabase database) : SchemaRegistryTests, IClassFixture<PostgreSqlDatabase>, IPostgreSqlTests
{
    protected override EntitiesDatabase OpenDatabase() => PostgreSqlFiles.Open(database);
}
