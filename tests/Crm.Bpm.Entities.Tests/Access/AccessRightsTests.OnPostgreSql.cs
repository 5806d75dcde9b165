using Crm.Bpm.Entities.Tests.Infrastructure;
using Crm.Bpm.Persistence.Entities;
using Crm.Bpm.Testing.PostgreSql;

namespace Crm.Bpm.Entities.Tests.Access;

public sealed class AccessRightsTestsOnPostgreSql(PostgreSqlDatabase database) : AccessRightsTests, IClassFixture<PostgreSqlDatabase>, IPostgreSqlTests
{
    protected override EntitiesDatabase OpenDatabase() => PostgreSqlFiles.Open(database);
}
