using System.Globalization;
using System.Text;
using Crm.Bpm.Engine.Runtime.Jobs;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Engine.Runtime.Timers;
using Crm.Bpm.Persistence.Database;

namespace Crm.Bpm.Persistence.Engine;

public sealed partial class EfProcessStore
{
    /// <inheritdoc/>
    public IReadOnlyList<JobRecord> ActivateJobs(JobActivation request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MaxJobs <= 0 || request.Types.Count == 0)
        {
            return [];
        }

        // @p0 activated, @p1 worker, @p2 deadline, @p3 now, @p4 activatable, @p5 max, @p6.. types.
        var types = new StringBuilder();
        for (var i = 0; i < request.Types.Count; i++)
        {
            types.Append(i == 0 ? "@p" : ", @p").Append((6 + i).ToString(CultureInfo.InvariantCulture));
        }

        // One statement takes the rows: PostgreSQL skips rows another server is taking (SKIP LOCKED), SQL Server reads
        // past them (READPAST), SQLite has one writer at a time (BEGIN IMMEDIATE).
        var pick = $"SELECT {_dialect.Top("@p5")}job_key FROM bpm_jobs{_dialect.LockHint} WHERE job_type IN ({types}) AND ((state = @p4 AND (retry_after IS NULL OR retry_after <= @p3)) OR (state = @p0 AND (deadline IS NULL OR deadline < @p3))) ORDER BY job_key{_dialect.Limit("@p5")}{_dialect.SkipLocked}";
        var sql = _dialect.UpdateReturning("bpm_jobs", "state = @p0, worker = @p1, deadline = @p2", $"job_key IN ({pick})", JobColumns);
        object?[] arguments = [(int)JobState.Activated, request.Worker, Ticks.Of(request.Now + request.LockTimeout), Ticks.Of(request.Now), (int)JobState.Activatable, request.MaxJobs, .. request.Types];
        var jobs = Locked(sql, ReadJob, arguments);
        jobs.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        return jobs;
    }

    /// <inheritdoc/>
    public IReadOnlyList<TimerRecord> AcquireDueTimers(TimerAcquisition request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MaxTimers <= 0)
        {
            return [];
        }

        // @p0 owner, @p1 locked until, @p2 now, @p3 max.
        var pick = $"SELECT {_dialect.Top("@p3")}timer_key FROM bpm_timers{_dialect.LockHint} WHERE due_date <= @p2 AND (locked_until IS NULL OR locked_until < @p2) ORDER BY due_date, timer_key{_dialect.Limit("@p3")}{_dialect.SkipLocked}";
        var sql = _dialect.UpdateReturning("bpm_timers", "lock_owner = @p0, locked_until = @p1", $"timer_key IN ({pick})", TimerColumns);
        var timers = Locked(sql, ReadTimer, request.Owner, Ticks.Of(request.Now + request.LockTimeout), Ticks.Of(request.Now), request.MaxTimers);
        timers.Sort(static (a, b) => a.DueDate != b.DueDate ? a.DueDate.CompareTo(b.DueDate) : a.Key.CompareTo(b.Key));
        _acquired.Clear();
        _prefetched.Clear();
        foreach (var timer in timers)
        {
            _acquired[timer.Key] = timer;
        }

        Prefetch(timers);
        return timers;
    }

    /// <summary>Reads the rows of the acquired timers' instances in one round trip, for the firings that follow (PostgreSQL, where round trips cost most).</summary>
    private void Prefetch(List<TimerRecord> timers)
    {
        if (_dialect.Provider != DatabaseProvider.PostgreSql || timers.Count < 2)
        {
            return;
        }

        var keys = timers.Where(t => t.ProcessInstanceKey != 0).Select(t => t.ProcessInstanceKey).Distinct().ToArray();
        if (keys.Length < 2)
        {
            return;
        }

        try
        {
            PrefetchRows(keys);
        }
        catch (Exception e) when (e is StoreUnavailableException or StoreConcurrencyException)
        {
            // Only a head start: each firing reads its instance itself.
            _prefetched.Clear();
        }
    }

    private void PrefetchRows(long[] keys) =>
        Guard(() =>
        {
            var command = Command(PrefetchSql, 1);
            Set(command, 0, keys);
            var instances = new Dictionary<long, InstanceRow>(keys.Length);
            var elements = new Dictionary<long, List<ElementRow>>(keys.Length);
            var variables = new Dictionary<long, List<VariableRow>>(keys.Length);
            using (var reader = ExecuteStatements(command))
            {
                while (reader.Read())
                {
                    var row = ReadInstance(reader);
                    instances[row.Key] = row;
                }

                reader.NextResult();
                while (reader.Read())
                {
                    var row = ReadElement(reader);
                    Rows(elements, row.ProcessInstanceKey).Add(row);
                }

                reader.NextResult();
                while (reader.Read())
                {
                    var row = ReadVariable(reader);
                    Rows(variables, row.ProcessInstanceKey).Add(row);
                }
            }

            foreach (var (key, row) in instances)
            {
                _prefetched[key] = new InstanceRows(row, elements.GetValueOrDefault(key) ?? [], variables.GetValueOrDefault(key) ?? []);
            }

            return 0;
        });

    private static List<T> Rows<T>(Dictionary<long, List<T>> rows, long key)
    {
        if (!rows.TryGetValue(key, out var list))
        {
            list = [];
            rows[key] = list;
        }

        return list;
    }

    // PostgreSQL: the keys as one array parameter, so the statement text (and its server-side preparation) never changes.
    private const string PrefetchSql =
        $"SELECT {InstanceColumns} FROM bpm_process_instances WHERE instance_key = ANY(@p0);\n" +
        $"SELECT {ElementColumns} FROM bpm_element_instances WHERE instance_key = ANY(@p0) ORDER BY element_instance_key;\n" +
        $"SELECT {VariableColumns} FROM bpm_variables WHERE instance_key = ANY(@p0)";

    /// <summary>Runs a locking UPDATE ... RETURNING in its own short transaction.</summary>
    private List<T> Locked<T>(string sql, Func<System.Data.Common.DbDataReader, T> read, params object?[] arguments) => Guard(() =>
    {
        using var transaction = _dialect.BeginWrite(Connection());
        _transaction = transaction;
        try
        {
            var rows = QueryList(sql, read, arguments);
            transaction.Commit();
            return rows;
        }
        catch
        {
            TryRollback(transaction);
            throw;
        }
        finally
        {
            _transaction = null;
        }
    });
}
