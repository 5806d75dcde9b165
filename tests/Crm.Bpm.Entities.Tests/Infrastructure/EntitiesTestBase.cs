using Crm.Bpm.Persistence.Entities;

namespace Crm.Bpm.Entities.Tests.Infrastructure;

/// <summary>Gives each test a fresh records database of the provider the derived class chooses.</summary>
public abstract class EntitiesTestBase : IDisposable
{
    private CrmWorld? _world;

    protected CrmWorld World => _world ??= new CrmWorld(OpenDatabase());

    /// <summary>An empty, migrated records database for one test.</summary>
    protected abstract EntitiesDatabase OpenDatabase();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
