namespace Crm.Bpm.Persistence.Tests.Engine;

/// <summary>Every process-test case passes with the engine on a SQLite file.</summary>
public sealed class ProcessSuiteOnSqliteTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    public static TheoryData<string, string> Cases() => ProcessSuite.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void ProcessTestCase_Passes_OnSqlite(string file, string caseName)
    {
        var failures = ProcessSuite.Run(database.Database, file, caseName);

        failures.Should().BeEmpty("the case '{0}' in {1} must hold on SQLite", caseName, file);
    }
}
