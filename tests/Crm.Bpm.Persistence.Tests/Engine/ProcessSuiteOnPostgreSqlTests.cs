using Crm.Bpm.Persistence.Database;
using Crm.Bpm.Testing.PostgreSql;

namespace Crm.Bpm.Persistence.Tests.Engine;

/// <summary>Every process-test case passes with the engine on PostgreSQL.</summary>
public sealed class ProcessSuiteOnPostgreSqlTests(PostgreSqlDatabase postgres) : IClassFixture<PostgreSqlDatabase>
{
    private readonly Lazy<EngineDatabase> _database = new(() =>
        EngineDatabase.Open(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = postgres.ConnectionString }));

    public static TheoryData<string, string> Cases() => ProcessSuite.Cases();

    [PostgreSqlTheory]
    [MemberData(nameof(Cases))]
    public void ProcessTestCase_Passes_OnPostgreSql(string file, string caseName)
    {
        var failures = ProcessSuite.Run(_database.Value, file, caseName);

        failures.Should().BeEmpty("the case '{0}' in {1} must hold on PostgreSQL", caseName, file);
    }
}
