using Crm.Bpm.Entities.Tests.Infrastructure;
using Crm.Bpm.Persistence.Entities;

namespace Crm.Bpm.Entities.Tests.Access;

public sealed class AccessRightsTestsOnSqlite : AccessRightsTests
{
    private readonly SqliteFiles _files = new();

    protected override EntitiesDatabase OpenDatabase() => _files.Open();

    protected override void Dispose(bool disposing)
    {
        _files.Dispose();
        base.Dispose(disposing);
    }
}
