using Crm.Bpm.Persistence.Entities;
using Crm.Bpm.Persistence.PostgreSql.Migrations.Entities;
using Crm.Bpm.Testing.PostgreSql;

namespace Crm.Bpm.Entities.Tests.Infrastructure;

/// <summary>PostgreSQL databases on the shared test server, one per test, dropped with the class fixture.</summary>
public static class PostgreSqlFiles
{
    public static EntitiesDatabase Open(PostgreSqlDatabase fixture) => PostgreSqlEntities.Open(fixture.CreateAnother("crm_entities"));
}
