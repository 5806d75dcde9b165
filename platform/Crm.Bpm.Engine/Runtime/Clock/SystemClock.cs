namespace Crm.Bpm.Engine.Runtime.Clock;

/// <summary>The wall clock (UTC).</summary>
public sealed class SystemClock : IEngineClock
{
    public static SystemClock Instance { get; } = new();

    /// <inheritdoc/>
    public DateTimeOffset Now => DateTimeOffset.UtcNow;
}
