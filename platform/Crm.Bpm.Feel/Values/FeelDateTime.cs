using Crm.Bpm.Feel.Temporal;

namespace Crm.Bpm.Feel.Values;

/// <summary>A FEEL date and time, local or with a UTC offset or an IANA zone id (DMN 1.5 §10.3.2.3.6).</summary>
public sealed class FeelDateTime : FeelValue
{
    private FeelDateTime(FeelDate date, long nanoOfDay, TimeSpan? offset, string? zoneId)
    {
        Date = date;
        NanoOfDay = nanoOfDay;
        ZoneId = zoneId;
        Offset = zoneId is null ? offset : CalendarMath.OffsetOf(zoneId, date.Year, date.Month, date.Day, nanoOfDay);
    }

    /// <summary>The calendar day.</summary>
    public FeelDate Date { get; }

    /// <summary>Nanoseconds since local midnight.</summary>
    public long NanoOfDay { get; }

    /// <summary>The UTC offset in force (from the zone's rules for a zone id); null for a local date and time.</summary>
    public TimeSpan? Offset { get; }

    /// <summary>The IANA zone id, when the value was written with <c>@zone</c>.</summary>
    public string? ZoneId { get; }

    /// <summary>Whether the value has an offset or zone.</summary>
    public bool HasZone => Offset is not null;

    public long Year => Date.Year;

    public int Month => Date.Month;

    public int Day => Date.Day;

    public int Hour => (int)(NanoOfDay / 3_600_000_000_000L);

    public int Minute => (int)(NanoOfDay / 60_000_000_000L % 60);

    public int Second => (int)(NanoOfDay / CalendarMath.NanosPerSecond % 60);

    public int Nanosecond => (int)(NanoOfDay % CalendarMath.NanosPerSecond);

    /// <summary>The time-of-day part, with this value's offset or zone.</summary>
    public FeelTime Time => FeelTime.FromNanoOfDay(NanoOfDay, Offset, ZoneId);

    /// <summary>Nanoseconds since 1970-01-01T00:00 on the local timeline (ignoring the offset).</summary>
    public Int128 LocalNanos => ((Int128)Date.EpochDay * CalendarMath.SecondsPerDay * CalendarMath.NanosPerSecond) + NanoOfDay;

    /// <summary>Nanoseconds since the Unix epoch in UTC; a local value is taken as UTC.</summary>
    public Int128 InstantNanos => LocalNanos - ((Int128)(Offset ?? TimeSpan.Zero).Ticks * 100);

    /// <inheritdoc />
    public override FeelValueKind Kind => FeelValueKind.DateTime;

    /// <summary>A date and time from its parts; null when the zone is unknown.</summary>
    public static FeelDateTime? TryCreate(FeelDate date, long nanoOfDay, TimeSpan? offset = null, string? zoneId = null)
    {
        if (nanoOfDay < 0 || nanoOfDay >= CalendarMath.SecondsPerDay * CalendarMath.NanosPerSecond)
        {
            return null;
        }

        if (zoneId is not null && CalendarMath.FindZone(zoneId) is null)
        {
            return null;
        }

        return new FeelDateTime(date, nanoOfDay, zoneId is null ? offset : null, zoneId);
    }

    /// <summary>The date and time at a local nanosecond count since the epoch, keeping the offset or zone.</summary>
    public static FeelDateTime? FromLocalNanos(Int128 localNanos, TimeSpan? offset, string? zoneId)
    {
        var perDay = (Int128)CalendarMath.SecondsPerDay * CalendarMath.NanosPerSecond;
        var day = localNanos / perDay;
        var rest = localNanos % perDay;
        if (rest < 0)
        {
            rest += perDay;
            day -= 1;
        }

        if (day > long.MaxValue / 2 || day < long.MinValue / 2)
        {
            return null;
        }

        var date = FeelDate.FromEpochDay((long)day);
        if (!CalendarMath.IsValidDate(date.Year, date.Month, date.Day))
        {
            return null;
        }

        return new FeelDateTime(date, (long)rest, zoneId is null ? offset : null, zoneId);
    }

    public static FeelDateTime FromDateTimeOffset(DateTimeOffset value) =>
        new(FeelDate.FromDateOnly(DateOnly.FromDateTime(value.DateTime)), value.TimeOfDay.Ticks * 100, value.Offset, null);

    /// <summary>A UTC DateTime gets offset zero; a local or unspecified one stays local.</summary>
    public static FeelDateTime FromDateTime(DateTime value) =>
        new(FeelDate.FromDateOnly(DateOnly.FromDateTime(value)), value.TimeOfDay.Ticks * 100, value.Kind == DateTimeKind.Utc ? TimeSpan.Zero : null, null);

    /// <summary>Parses <c>YYYY-MM-DDThh:mm:ss[.f][Z|±hh:mm|@zone]</c> (or a date alone, meaning midnight); null when invalid.</summary>
    public static FeelDateTime? TryParse(string text)
    {
        var t = text.IndexOf('T', StringComparison.Ordinal);
        if (t < 0)
        {
            return null;
        }

        if (!TemporalText.TryParseDate(text.AsSpan(0, t), out var y, out var m, out var d))
        {
            return null;
        }

        var timeText = text.AsSpan(t + 1);
        if (!TemporalText.TryParseTime(timeText, out var h, out var mi, out var s, out var n, out var offset, out var zone))
        {
            // 24:00:00 at the end of a day is the next midnight.
            return null;
        }

        var date = FeelDate.TryCreate(y, m, d)!;
        var nanos = ((h * 3600L) + (mi * 60L) + s) * CalendarMath.NanosPerSecond + n;
        if (timeText.StartsWith("24:00:00"))
        {
            date = FeelDate.FromEpochDay(date.EpochDay + 1);
        }

        return TryCreate(date, nanos, offset, zone);
    }

    /// <summary>The .NET instant, when the value has an offset and a year within 1..9999.</summary>
    public DateTimeOffset? ToDateTimeOffset()
    {
        if (Offset is not { } offset || Year is < 1 or > 9999)
        {
            return null;
        }

        return new DateTimeOffset(new DateTime((int)Year, Month, Day, 0, 0, 0, DateTimeKind.Unspecified).AddTicks(NanoOfDay / 100), offset);
    }

    /// <inheritdoc />
    public override string ToFeelString() =>
        Date.ToFeelString() + "T" + TemporalText.FormatTime(Hour, Minute, Second, Nanosecond) + TemporalText.FormatZone(Offset, ZoneId);

    /// <inheritdoc />
    public override string ToFeelLiteral() => $"date and time(\"{ToFeelString()}\")";

    /// <inheritdoc />
    public override bool Equals(FeelValue? other) =>
        other is FeelDateTime d && d.LocalNanos == LocalNanos && d.Offset == Offset && d.ZoneId == ZoneId;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(LocalNanos, Offset, ZoneId);
}
