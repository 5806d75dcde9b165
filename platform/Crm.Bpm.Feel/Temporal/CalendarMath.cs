namespace Crm.Bpm.Feel.Temporal;

/// <summary>Proleptic Gregorian calendar arithmetic over years far beyond .NET's 1..9999 (FEEL allows ±999,999,999).</summary>
internal static class CalendarMath
{
    public const long SecondsPerDay = 86_400;
    public const long NanosPerSecond = 1_000_000_000;

    // Howard Hinnant's days_from_civil: days since 1970-01-01.
    public static long DaysFromCivil(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yoe = year - era * 400;
        var mp = (month + 9) % 12;
        var doy = (153 * mp + 2) / 5 + day - 1;
        var doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    public static (long Year, int Month, int Day) CivilFromDays(long days)
    {
        days += 719468;
        var era = (days >= 0 ? days : days - 146096) / 146097;
        var doe = days - era * 146097;
        var yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        var y = yoe + era * 400;
        var doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        var mp = (5 * doy + 2) / 153;
        var d = (int)(doy - (153 * mp + 2) / 5 + 1);
        var m = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (m <= 2 ? y + 1 : y, m, d);
    }

    public static bool IsLeapYear(long year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    public static int DaysInMonth(long year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    public static bool IsValidDate(long year, int month, int day) =>
        year is >= -999_999_999 and <= 999_999_999 && month is >= 1 and <= 12 && day >= 1 && day <= DaysInMonth(year, month);

    public static long FloorDiv(long a, long b) => a / b - ((a % b != 0) && ((a < 0) ^ (b < 0)) ? 1 : 0);

    public static long FloorMod(long a, long b) => a - FloorDiv(a, b) * b;

    /// <summary>The UTC offset of an IANA zone at a local date and time, or null when the zone is unknown.</summary>
    public static TimeSpan? OffsetOf(string zoneId, long year, int month, int day, long nanoOfDay)
    {
        var zone = FindZone(zoneId);
        if (zone is null)
        {
            return null;
        }

        if (year is < 1 or > 9999)
        {
            return zone.BaseUtcOffset;
        }

        var local = new DateTime((int)year, month, day, 0, 0, 0, DateTimeKind.Unspecified).AddTicks(nanoOfDay / 100);
        return zone.GetUtcOffset(local);
    }

    /// <summary>The UTC offset of an IANA zone at an instant (nanoseconds since the Unix epoch), or null when the zone is unknown.</summary>
    public static TimeSpan? OffsetAtInstant(string zoneId, Int128 instantNanos)
    {
        var zone = FindZone(zoneId);
        if (zone is null)
        {
            return null;
        }

        var ticks = instantNanos / 100;
        var epochTicks = DateTime.UnixEpoch.Ticks;
        if (ticks < -epochTicks || ticks > DateTime.MaxValue.Ticks - epochTicks)
        {
            return zone.BaseUtcOffset;
        }

        return zone.GetUtcOffset(new DateTime(epochTicks + (long)ticks, DateTimeKind.Utc));
    }

    public static TimeZoneInfo? FindZone(string zoneId)
    {
        if (string.IsNullOrEmpty(zoneId) || zoneId.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        if (zoneId is "Z" or "UTC" or "Etc/UTC")
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }
}
