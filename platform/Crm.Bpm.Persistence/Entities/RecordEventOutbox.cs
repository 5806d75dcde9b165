using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using Crm.Bpm.Entities.Events;
using Crm.Bpm.Entities.Records;

namespace Crm.Bpm.Persistence.Entities;

/// <summary>The outbox of record events: consumers lock pending events in order, and mark each processed inside their own transaction so its effect happens exactly once.</summary>
/// <remarks>
/// Several consumers may run: <see cref="LockPending"/> hands each pending event to one consumer at a time (PostgreSQL
/// <c>FOR UPDATE SKIP LOCKED</c>, SQL Server <c>READPAST</c>, SQLite's single writer) for the lock time. A consumer
/// whose lock expired may see its event taken by another; <see cref="MarkProcessed(DbConnection, DbTransaction?, long)"/>
/// succeeds for one of them only, so the loser's transaction must roll back.
/// </remarks>
public sealed class RecordEventOutbox
{
    private const string Columns = "id, entity, record_id, kind, changed_fields, snapshot, user_id, occurred_on";
    private readonly EntitiesDatabase _database;

    internal RecordEventOutbox(EntitiesDatabase database) => _database = database;

    /// <summary>Locks up to <paramref name="max"/> pending events for <paramref name="consumer"/> for <paramref name="lockFor"/>, and returns them oldest first.</summary>
    public IReadOnlyList<RecordEvent> LockPending(string consumer, int max, TimeSpan lockFor)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        var sql = _database.Sql;
        var now = DateTime.UtcNow;
        using var db = _database.CreateContext();
        var connection = EfRecordStore.Open(db);
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        SqlFlavor.Add(command, "@consumer", consumer);
        SqlFlavor.Add(command, "@until", now + lockFor);
        SqlFlavor.Add(command, "@now", now);
        var available = "processed_on IS NULL AND (locked_until IS NULL OR locked_until < @now)";
        var count = max.ToString(CultureInfo.InvariantCulture);
        command.CommandText = sql.PostgreSql
            ? $"UPDATE crm_record_events SET locked_by = @consumer, locked_until = @until WHERE id IN (SELECT id FROM crm_record_events WHERE {available} ORDER BY id LIMIT {count} FOR UPDATE SKIP LOCKED) RETURNING {Columns}"
            : sql.SqlServer
                ? $"WITH next AS (SELECT TOP ({count}) * FROM crm_record_events WITH (UPDLOCK, READPAST, ROWLOCK) WHERE {available} ORDER BY id) UPDATE next SET locked_by = @consumer, locked_until = @until OUTPUT {string.Join(", ", Columns.Split(", ").Select(c => "inserted." + c))}"
                : $"UPDATE crm_record_events SET locked_by = @consumer, locked_until = @until WHERE id IN (SELECT id FROM crm_record_events WHERE {available} ORDER BY id LIMIT {count}) RETURNING {Columns}";
        var events = new List<RecordEvent>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                events.Add(new RecordEvent(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    Guid.Parse(reader.GetString(2)),
                    (RecordChangeKind)reader.GetInt32(3),
                    JsonNode.Parse(reader.GetString(4))!.AsArray().Select(n => n!.GetValue<string>()).ToList(),
                    reader.GetString(5),
                    reader.IsDBNull(6) ? null : Guid.Parse(reader.GetString(6)),
                    DateTime.SpecifyKind(reader.GetDateTime(7), DateTimeKind.Utc)));
            }
        }

        transaction.Commit();
        return events.OrderBy(e => e.Id).ToList();
    }

    /// <summary>Marks the event processed in the caller's transaction (for example inside the engine's commit through an <c>ICommitEffect</c>).</summary>
    /// <returns>False when the event was already processed (by another consumer) or does not exist; the caller should then roll back.</returns>
    public static bool MarkProcessed(DbConnection connection, DbTransaction? transaction, long eventId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE crm_record_events SET processed_on = @now, locked_by = NULL, locked_until = NULL WHERE id = @id AND processed_on IS NULL";
        SqlFlavor.Add(command, "@now", DateTime.UtcNow);
        SqlFlavor.Add(command, "@id", eventId);
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>Marks the event processed in a transaction of its own.</summary>
    public bool MarkProcessed(long eventId)
    {
        using var db = _database.CreateContext();
        var connection = EfRecordStore.Open(db);
        using var transaction = connection.BeginTransaction();
        var done = MarkProcessed(connection, transaction, eventId);
        transaction.Commit();
        return done;
    }

    /// <summary>Gives a locked event back, so any consumer can take it at once (after a failure).</summary>
    public void Release(long eventId, string consumer)
    {
        using var db = _database.CreateContext();
        var connection = EfRecordStore.Open(db);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE crm_record_events SET locked_by = NULL, locked_until = NULL WHERE id = @id AND locked_by = @consumer AND processed_on IS NULL";
        SqlFlavor.Add(command, "@id", eventId);
        SqlFlavor.Add(command, "@consumer", consumer);
        command.ExecuteNonQuery();
    }

    /// <summary>How many events wait to be processed.</summary>
    public long PendingCount()
    {
        using var db = _database.CreateContext();
        return db.RecordEvents.LongCount(e => e.ProcessedOn == null);
    }
}
