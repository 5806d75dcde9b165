using Crm.Bpm.Entities.Tests.Infrastructure;
using Crm.Bpm.Persistence.Entities;
using Crm.Bpm.Testing.PostgreSql;

namespace Crm.Bpm.Entities.Tests.Events;

public sealed class RecordEventOutboxTestsOnPostgreSql(PostgreSqlDatabase database) : RecordEventOutboxTests, IClassFixture<PostgreSqlDatabase>, IPostgreSqlTests
{
    protected override EntitiesDatabase OpenDatabase() => PostgreSqlFiles.Open(database);
}
