using System.Data.Common;
using Crm.Bpm.Entities.Access;
using Crm.Bpm.Entities.Tests.Infrastructure;
using Crm.Bpm.Persistence.Entities;
using Crm.Bpm.Persistence.PostgreSql.Migrations.Entities;
using Crm.Bpm.Testing.PostgreSql;
using Microsoft.EntityFrameworkCore;

namespace Crm.Bpm.Entities.Tests.Records;

public sealed class RecordBatchTestsOnPostgreSql(PostgreSqlDatabase database) : RecordBatchTests, IClassFixture<PostgreSqlDatabase>, IPostgreSqlTests
{
    private readonly RecordingCopy _copy = new();

    protected override IReadOnlyList<string> BulkLoadedTables => _copy.Tables;

    protected override EntitiesDatabase OpenDatabase()
    {
        var opened = new EntitiesDatabase(PostgreSqlEntities.Options(database.CreateAnother("crm_entities")), _copy);
        opened.Migrate();
        return opened;
    }

    [DatabaseFact]
    public void CreateMany_LoadsEveryTableOfABatchWithCopy()
    {
        World.Service.CreateMany(CrmUser.System, "Lead", [.. Enumerable.Range(0, 60).Select(i => Json.Object($$"""{ "name": "Lead {{i}}", "email": "lead{{i}}@example.com" }"""))])
            .Succeeded.Should().BeTrue();

        _copy.Tables.Should().Equal("crm_records", "crm_duplicate_keys", "crm_change_log", "crm_record_events", "crm_record_grants");
        World.Database.Schemas.CountRecords("Lead").Should().Be(60);
    }

    [DatabaseFact]
    public void RowCopy_CancelsTheCopy_WhenAValueHasNoTextForm_SoNoRowOfItIsKept()
    {
        using var context = World.Database.CreateContext();
        context.Database.OpenConnection();
        var connection = context.Database.GetDbConnection();
        using var transaction = connection.BeginTransaction();
        var rows = Enumerable.Range(0, 100).Select(i => new object?[] { "Lead", "same e-mail", $"lead{i}@example.com", i == 60 ? Guid.Empty : $"{i}" }).ToList();

        var act = () => new PostgreSqlRowCopy().Write(connection, "crm_duplicate_keys", [new("entity"), new("rule"), new("key"), new("record_id")], rows);

        act.Should().Throw<ArgumentException>().WithMessage("*crm_duplicate_keys.record_id*Guid*");
        // The cancelled COPY failed the transaction, so not even a commit could keep the 60 rows sent before the bad value.
        transaction.Commit();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM crm_duplicate_keys";
        count.ExecuteScalar().Should().Be(0L);
    }

    /// <summary>The PostgreSQL COPY writer, noting which tables it loaded.</summary>
    private sealed class RecordingCopy : IBulkRowWriter
    {
        private readonly PostgreSqlRowCopy _copy = new();

        public List<string> Tables { get; } = [];

        public void Write(DbConnection connection, string table, IReadOnlyList<BulkColumn> columns, IReadOnlyList<object?[]> rows)
        {
            Tables.Add(table);
            _copy.Write(connection, table, columns, rows);
        }
    }
}
