namespace Crm.Bpm.Persistence.Engine;

/// <summary>Times as stored: UTC ticks in a <c>bigint</c> column.</summary>
internal static class Ticks
{
    public static long Of(DateTimeOffset time) => time.UtcTicks;

    public static object Of(DateTimeOffset? time) => time is { } t ? t.UtcTicks : DBNull.Value;

    public static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);
}
