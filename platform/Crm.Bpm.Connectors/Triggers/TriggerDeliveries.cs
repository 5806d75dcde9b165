using System.Data.Common;
using System.Globalization;
using Crm.Bpm.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Crm.Bpm.Connectors.Triggers;

/// <summary>The table of (record event, trigger) pairs already delivered, <c>crm_trigger_deliveries</c>; its primary key makes a second delivery of the same pair fail, which rolls the engine command that carried it back.</summary>
/// <remarks>
/// The outbox marks a whole event processed; an event may match several triggers, each delivered by its own engine
/// command, so each pair is recorded here inside that command's transaction (docs/crm-extensions.md, Delivery). The
/// table belongs to the connectors and is created on first use (<c>CREATE TABLE IF NOT EXISTS</c>) in the database the
/// engine and entities share.
/// </remarks>
public sealed class TriggerDeliveries
{
    private const string Table = "crm_trigger_deliveries";
    private readonly EntitiesDatabase _database;

    public TriggerDeliveries(EntitiesDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>Creates the table when it does not exist yet.</summary>
    public void EnsureCreated()
    {
        using var db = _database.CreateContext();
        var provider = db.Database.ProviderName ?? string.Empty;
        var sql = provider.Contains("SqlServer", StringComparison.OrdinalIgnoreCase)
            ? $"IF OBJECT_ID(N'{Table}') IS NULL CREATE TABLE {Table} (event_id BIGINT NOT NULL, trigger_id NVARCHAR(400) NOT NULL, delivered_on NVARCHAR(40) NOT NULL, CONSTRAINT pk_{Table} PRIMARY KEY (event_id, trigger_id))"
            : $"CREATE TABLE IF NOT EXISTS {Table} (event_id BIGINT NOT NULL, trigger_id VARCHAR(400) NOT NULL, delivered_on VARCHAR(40) NOT NULL, PRIMARY KEY (event_id, trigger_id))";
        try
        {
            db.Database.ExecuteSqlRaw(sql);
        }
        catch (DbException) when (Exists(db))
        {
            // Another dispatcher created it at the same moment (PostgreSQL's IF NOT EXISTS is not race-free).
        }
    }

    /// <summary>The ids of the triggers an event was already delivered to.</summary>
    public IReadOnlySet<string> DeliveredTriggers(long eventId)
    {
        using var db = _database.CreateContext();
        var connection = Open(db);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT trigger_id FROM {Table} WHERE event_id = @e";
        Add(command, "@e", eventId);
        var result = new HashSet<string>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    /// <summary>Records the pair in the caller's transaction; throws (a primary key violation) when it was delivered already.</summary>
    public static void Insert(DbConnection connection, DbTransaction? transaction, long eventId, string triggerId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Table} (event_id, trigger_id, delivered_on) VALUES (@e, @t, @d)";
        Add(command, "@e", eventId);
        Add(command, "@t", triggerId);
        Add(command, "@d", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }

    /// <summary>Records the pair in a transaction of its own (when no engine command carries it); false when it was delivered already.</summary>
    public bool TryInsert(long eventId, string triggerId)
    {
        if (DeliveredTriggers(eventId).Contains(triggerId))
        {
            return false;
        }

        using var db = _database.CreateContext();
        var connection = Open(db);
        using var transaction = connection.BeginTransaction();
        try
        {
            Insert(connection, transaction, eventId, triggerId);
            transaction.Commit();
            return true;
        }
        catch (DbException)
        {
            transaction.Rollback();
            return false;
        }
    }

    private static bool Exists(DbContext db)
    {
        try
        {
            db.Database.ExecuteSqlRaw($"SELECT COUNT(*) FROM {Table} WHERE 1 = 0");
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    private static DbConnection Open(DbContext db)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            db.Database.OpenConnection();
        }

        return connection;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
