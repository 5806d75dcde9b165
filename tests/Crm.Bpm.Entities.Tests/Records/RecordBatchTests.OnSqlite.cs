using Crm.Bpm.Entities.Tests.Infrastructure;
using Crm.Bpm.Persistence.Entities;

namespace Crm.Bpm.Entities.Tests.Records;

public sealed class RecordBatchTestsOnSqlite : RecordBatchTests
{
    private readonly SqliteFiles _files = new();

    // SQLite has no bulk writer: batches go through one prepared INSERT per row.
    protected override IReadOnlyList<string> BulkLoadedTables => [];

    protected override EntitiesDatabase OpenDatabase() => _files.Open();

    protected override void Dispose(bool disposing)
    {
        _files.Dispose();
        base.Dispose(disposing);
    }
}
