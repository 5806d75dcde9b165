using Microsoft.EntityFrameworkCore;

namespace Crm.Bpm.Persistence.Entities;

/// <summary>The CRM records database: creates contexts on one set of options and gives the stores of records, schemas, access and record events.</summary>
public sealed class EntitiesDatabase
{
    private readonly DbContextOptions<EntitiesDbContext> _options;

    /// <remarks><c>bulk</c>: How the provider loads batches of new rows (PostgreSQL COPY); null writes them as multi-row INSERTs.</remarks>
    public EntitiesDatabase(DbContextOptions<EntitiesDbContext> options, IBulkRowWriter? bulk = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Bulk = bulk;
        using var context = CreateContext();
        Sql = SqlFlavor.For(context.Database.ProviderName);
        Records = new EfRecordStore(this);
        Schemas = new EfSchemaStore(this);
        Access = new EfAccessStore(this);
        Outbox = new RecordEventOutbox(this);
    }

    public EfRecordStore Records { get; }

    public EfSchemaStore Schemas { get; }

    public EfAccessStore Access { get; }

    /// <summary>The record events written with each record change, for consumers to process exactly once.</summary>
    public RecordEventOutbox Outbox { get; }

    internal SqlFlavor Sql { get; }

    internal IBulkRowWriter? Bulk { get; }

    public EntitiesDbContext CreateContext()
    {
        var context = new EntitiesDbContext(_options);
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return context;
    }

    /// <summary>Brings the database to the newest entities migration (creating it when needed).</summary>
    public void Migrate()
    {
        using var context = CreateContext();
        context.Database.Migrate();
        if (Sql.Sqlite)
        {
            // WAL lets queries run beside the writer (https://www.sqlite.org/wal.html); the mode is kept in the file.
            context.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }
    }
}
