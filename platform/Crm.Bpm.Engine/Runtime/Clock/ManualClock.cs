namespace Crm.Bpm.Engine.Runtime.Clock;

/// <summary>A clock that moves only when told to, for tests and simulations.</summary>
public sealed class ManualClock(DateTimeOffset start) : IEngineClock
{
    /// <summary>A clock at 2025-01-01T00:00:00Z.</summary>
    public ManualClock()
        : this(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <inheritdoc/>
    public DateTimeOffset Now { get; private set; } = start;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "The clock only moves forward.");
        }

        Now += by;
    }

    /// <summary>Sets the clock to a time not before the current one.</summary>
    public void Set(DateTimeOffset now)
    {
        if (now < Now)
        {
            throw new ArgumentOutOfRangeException(nameof(now), now, "The clock only moves forward.");
        }

        Now = now;
    }
}
