namespace Crm.Bpm.Engine.Hosting;

/// <summary>How a timer scheduler acquires and fires due timers.</summary>
public sealed record TimerSchedulerOptions
{
    /// <summary>The server's id, recorded as the lock owner of the timers it acquires.</summary>
    public required string NodeId { get; init; }

    /// <summary>The most timers acquired at once.</summary>
    public int MaxTimersPerAcquisition { get; init; } = 100;

    /// <summary>The most acquired timers fired together in one store transaction (<c>ProcessEngine.ExecuteBatch</c>); 1 fires each in a transaction of its own.</summary>
    /// <remarks>Each firing stays all-or-nothing on its own: a refused one does not hold up the others, and a failed batch commit fires them one by one.</remarks>
    public int MaxTimersPerTransaction { get; init; } = 100;

    /// <summary>How long this node holds an acquired timer before another node may fire it.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest sleep between two looks for due timers.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The first wait after the database was unreachable; doubled up to <see cref="MaxUnavailableBackoff"/> while it stays so.</summary>
    public TimeSpan UnavailableBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between attempts to reach an unavailable database.</summary>
    public TimeSpan MaxUnavailableBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
