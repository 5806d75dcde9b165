namespace Crm.Bpm.Persistence.Database;

/// <summary>Where the engine's applied migrations are recorded: a table of its own, so other contexts in the same database keep theirs apart.</summary>
public static class EngineMigrations
{
    public const string HistoryTable = "__bpm_engine_migrations";
}
