using Crm.Bpm.Entities.Tests.Infrastructure;
using Crm.Bpm.Persistence.Entities;
using Crm.Bpm.Testing.PostgreSql;

namespace Crm.Bpm.Entities.Tests.Records;

public sealed class ChangeLogAndDuplicateTestsOnPostgreSql(PostgreSqlDatabase database) : ChangeLogAndDuplicateTests, IClassFixture<PostgreSqlDatabase>, IPostgreSqlTests
{
    protected override EntitiesDatabase OpenDatabase() => PostgreSqlFiles.Open(database);
}
