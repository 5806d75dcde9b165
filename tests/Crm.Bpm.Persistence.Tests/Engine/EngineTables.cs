using Crm.Bpm.Persistence.Database;

namespace Crm.Bpm.Persistence.Tests.Engine;

/// <summary>Empties the engine tables of a test database, so the next case starts as on a fresh one (keys from 1 again).</summary>
internal static class EngineTables
{
    private static readonly string[] Tables =
    [
        "bpm_definitions", "bpm_process_instances", "bpm_element_instances", "bpm_variables", "bpm_jobs", "bpm_timers", "bpm_subscriptions",
        "bpm_buffered_messages", "bpm_user_tasks", "bpm_task_candidates", "bpm_incidents", "bpm_history",
    ];

    public static void Clear(EngineDatabase database)
    {
        using var connection = database.Dialect.CreateConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = string.Join("; ", Tables.Select(t => $"DELETE FROM {t}")) + "; UPDATE bpm_key_blocks SET next_key = 1";
        command.ExecuteNonQuery();
    }
}
