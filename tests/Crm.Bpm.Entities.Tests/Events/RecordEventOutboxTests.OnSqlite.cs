using Crm.Bpm.Entities.Tests.Infrastructure;
using Crm.Bpm.Persistence.Entities;

namespace Crm.Bpm.Entities.Tests.Events;

public sealed class RecordEventOutboxTestsOnSqlite : RecordEventOutboxTests
{
    private readonly SqliteFiles _files = new();

    protected override EntitiesDatabase OpenDatabase() => _files.Open();

    protected override void Dispose(bool disposing)
    {
        _files.Dispose();
        base.Dispose(disposing);
    }
}
