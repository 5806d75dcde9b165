using System.Data.Common;
using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Cli.Serve;

/// <summary>The side-effect table of the crash test: one row per job the <c>crash-test</c> handler completed, written in the job completion's transaction.</summary>
/// <remarks>
/// The table deliberately has no key or unique constraint: a job whose effect was applied twice must show up as two
/// rows, not be hidden by a constraint violation.
/// </remarks>
internal static class CrashTestEffects
{
    /// <summary>The job type the crash-test handler works on.</summary>
    public const string JobType = "crash-test";

    /// <summary>The side-effect table.</summary>
    public const string Table = "crm_crash_test_effects";

    /// <summary>Creates the table when it does not exist (SQLite and PostgreSQL).</summary>
    public static void EnsureTable(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE IF NOT EXISTS {Table} (job_key BIGINT NOT NULL, process_instance_key BIGINT NOT NULL, node_id VARCHAR(200) NOT NULL)";
        command.ExecuteNonQuery();
    }

    /// <summary>Inserts one row on the commit's connection, inside its transaction.</summary>
    public static void Insert(CommitContext context, long jobKey, long processInstanceKey, string nodeId)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Connection is not { } connection)
        {
            // The in-memory store has no table to write to; the effect then only marks the commit.
            return;
        }

        using var command = connection.CreateCommand();
        command.Transaction = context.Transaction;
        command.CommandText = $"INSERT INTO {Table} (job_key, process_instance_key, node_id) VALUES (@job, @instance, @node)";
        Add(command, "@job", jobKey);
        Add(command, "@instance", processInstanceKey);
        Add(command, "@node", nodeId);
        command.ExecuteNonQuery();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
