namespace Crm.Bpm.Persistence.Engine;

/// <summary>The version of the engine's database schema this build writes and understands.</summary>
public static class EngineSchema
{
    /// <summary>Raised with every migration that changes the engine tables; a database above it was written by a newer Crm.Bpm.</summary>
    public const int Version = 3;
}
