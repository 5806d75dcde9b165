using Crm.Bpm.Entities.Tests.Infrastructure;
using Crm.Bpm.Persistence.Entities;

namespace Crm.Bpm.Entities.Tests.Schemas;

public sealed class SchemaRegistryTestsOnSqlite : SchemaRegistryTests
{
    private readonly SqliteFiles _files = new();

    protected override EntitiesDatabase OpenDatabase() => _files.Open();

    protected override void Dispose(bool disposing)
    {
        _files.Dispose();
        base.Dispose(disposing);
    }
}
