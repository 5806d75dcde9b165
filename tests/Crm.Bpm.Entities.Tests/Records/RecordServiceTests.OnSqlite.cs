using Crm.Bpm.Entities.Tests.Infrastructure;
using Crm.Bpm.Persistence.Entities;

namespace Crm.Bpm.Entities.Tests.Records;

public sealed class RecordServiceTestsOnSqlite : RecordServiceTests
{
    private readonly SqliteFiles _files = new();

    protected override EntitiesDatabase OpenDatabase() => _files.Open();

    protected override void Dispose(bool disposing)
    {
        _files.Dispose();
        base.Dispose(disposing);
    }
}
