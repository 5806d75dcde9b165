using Crm.Bpm.Feel.Temporal;

namespace Crm.Bpm.Feel.Values;

/// <summary>A FEEL time of day, optionally with a UTC offset or an IANA zone id (DMN 1.5 §10.3.2.3.4).</summary>
public sealed class FeelTime : FeelValue
{
    private FeelTime(int hour, int minute, int second, int nanosecond, TimeSpan? offset, string? zoneId)
    {
        Hour = hour;
        Minute = minute;
        Second = second;
        Nanosecond = nanosecond;
        Offset = offset;
        ZoneId = zoneId;
    }

    public int Hour { get; }

    public int Minute { get; }

    public int Second { get; }

    /// <summary>The fraction of the second in nanoseconds.</summary>
    public int Nanosecond { get; }

    /// <summary>The UTC offset written in the value, or the zone's current standard offset for a zone id; null for a local time.</summary>
    public TimeSpan? Offset { get; }

    /// <summary>The IANA zone id (<c>Europe/Paris</c>), when the value was written with <c>@zone</c>.</summary>
    public string? ZoneId { get; }

    /// <summary>Whether the time has an offset or zone.</summary>
    public bool HasZone => Offset is not null || ZoneId is not null;

    /// <summary>Nanoseconds since midnight (local).</summary>
    public long NanoOfDay => ((Hour * 3600L) + (Minute * 60L) + Second) * CalendarMath.NanosPerSecond + Nanosecond;

    /// <inheritdoc />
    public override FeelValueKind Kind => FeelValueKind.Time;

    /// <summary>A time, or null when a field is out of range or the zone is unknown.</summary>
    public static FeelTime? TryCreate(int hour, int minute, int second, int nanosecond = 0, TimeSpan? offset = null, string? zoneId = null)
    {
        if (hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59 || nanosecond is < 0 or > 999_999_999)
        {
            return null;
        }

        if (offset is { } o && (o.Duration() > TimeSpan.FromHours(14) || o.Ticks % TimeSpan.TicksPerSecond != 0))
        {
            return null;
        }

        if (zoneId is not null)
        {
            var zone = CalendarMath.FindZone(zoneId);
            if (zone is null)
            {
                return null;
            }

            offset = zone.BaseUtcOffset;
        }

        return new FeelTime(hour, minute, second, nanosecond, offset, zoneId);
    }

    /// <summary>A time from nanoseconds since midnight (wrapping around the day).</summary>
    public static FeelTime FromNanoOfDay(long nanoOfDay, TimeSpan? offset = null, string? zoneId = null)
    {
        var n = CalendarMath.FloorMod(nanoOfDay, CalendarMath.SecondsPerDay * CalendarMath.NanosPerSecond);
        var seconds = n / CalendarMath.NanosPerSecond;
        return new FeelTime((int)(seconds / 3600), (int)(seconds / 60 % 60), (int)(seconds % 60), (int)(n % CalendarMath.NanosPerSecond), offset, zoneId);
    }

    public static FeelTime FromTimeOnly(TimeOnly time) => FromNanoOfDay(time.Ticks * 100);

    /// <summary>Parses <c>hh:mm:ss[.f][Z|±hh:mm|@zone]</c>; null when invalid.</summary>
    public static FeelTime? TryParse(string text)
    {
        if (!TemporalText.TryParseTime(text, out var h, out var m, out var s, out var n, out var offset, out var zone))
        {
            return null;
        }

        return TryCreate(h, m, s, n, offset, zone);
    }

    /// <inheritdoc />
    public override string ToFeelString() => TemporalText.FormatTime(Hour, Minute, Second, Nanosecond) + TemporalText.FormatZone(Offset, ZoneId);

    /// <inheritdoc />
    public override string ToFeelLiteral() => $"time(\"{ToFeelString()}\")";

    /// <inheritdoc />
    public override bool Equals(FeelValue? other) =>
        other is FeelTime t && t.NanoOfDay == NanoOfDay && t.Offset == Offset && t.ZoneId == ZoneId;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(NanoOfDay, Offset, ZoneId);
}
