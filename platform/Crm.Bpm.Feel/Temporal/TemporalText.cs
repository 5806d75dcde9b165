using System.Globalization;
using System.Text;

namespace Crm.Bpm.Feel.Temporal;

/// <summary>Reads and writes the ISO 8601 / XML Schema texts FEEL uses for dates, times, date-times and durations.</summary>
internal static class TemporalText
{
    public static string FormatYear(long year) =>
        year < 0 ? "-" + (-year).ToString("0000", CultureInfo.InvariantCulture) : year.ToString("0000", CultureInfo.InvariantCulture);

    public static string FormatDate(long year, int month, int day) =>
        string.Create(CultureInfo.InvariantCulture, $"{FormatYear(year)}-{month:00}-{day:00}");

    public static string FormatTime(int hour, int minute, int second, int nanosecond)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{hour:00}:{minute:00}:{second:00}");
        if (nanosecond != 0)
        {
            text += "." + nanosecond.ToString("000000000", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return text;
    }

    public static string FormatZone(TimeSpan? offset, string? zoneId)
    {
        if (zoneId is not null)
        {
            return "@" + zoneId;
        }

        if (offset is not { } o)
        {
            return string.Empty;
        }

        if (o == TimeSpan.Zero)
        {
            return "Z";
        }

        var sign = o < TimeSpan.Zero ? "-" : "+";
        var abs = o.Duration();
        var text = string.Create(CultureInfo.InvariantCulture, $"{sign}{abs.Hours:00}:{abs.Minutes:00}");
        if (abs.Seconds != 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $":{abs.Seconds:00}");
        }

        return text;
    }

    /// <summary>Parses <c>[-]YYYY-MM-DD</c> (four or more year digits).</summary>
    public static bool TryParseDate(ReadOnlySpan<char> s, out long year, out int month, out int day)
    {
        year = 0;
        month = 0;
        day = 0;
        var i = 0;
        var negative = false;
        if (i < s.Length && s[i] == '-')
        {
            negative = true;
            i++;
        }

        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        var yearDigits = i - start;
        if (yearDigits < 4 || yearDigits > 9 || (yearDigits > 4 && s[start] == '0'))
        {
            return false;
        }

        year = long.Parse(s[start..i], NumberStyles.None, CultureInfo.InvariantCulture);
        if (negative)
        {
            year = -year;
        }

        if (s.Length - i != 6 || s[i] != '-' || s[i + 3] != '-' || !TwoDigits(s, i + 1, out month) || !TwoDigits(s, i + 4, out day))
        {
            return false;
        }

        return CalendarMath.IsValidDate(year, month, day);
    }

    /// <summary>Parses <c>hh:mm:ss[.fraction][Z|±hh:mm|@zone]</c>.</summary>
    public static bool TryParseTime(ReadOnlySpan<char> s, out int hour, out int minute, out int second, out int nanos, out TimeSpan? offset, out string? zoneId)
    {
        hour = minute = second = nanos = 0;
        offset = null;
        zoneId = null;
        if (s.Length < 8 || s[2] != ':' || s[5] != ':' || !TwoDigits(s, 0, out hour) || !TwoDigits(s, 3, out minute) || !TwoDigits(s, 6, out second))
        {
            return false;
        }

        var i = 8;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var fracStart = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == fracStart)
            {
                return false;
            }

            var fraction = s[fracStart..i];
            var padded = fraction.Length >= 9 ? fraction[..9].ToString() : fraction.ToString().PadRight(9, '0');
            nanos = int.Parse(padded, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        if (hour == 24 && minute == 0 && second == 0 && nanos == 0)
        {
            hour = 0;
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var rest = s[i..];
        if (rest.IsEmpty)
        {
            return true;
        }

        if (rest.Length == 1 && rest[0] is 'Z' or 'z')
        {
            offset = TimeSpan.Zero;
            return true;
        }

        if (rest[0] == '@')
        {
            var zone = rest[1..].ToString();
            if (CalendarMath.FindZone(zone) is null)
            {
                return false;
            }

            zoneId = zone;
            return true;
        }

        if (rest[0] is '+' or '-' && rest.Length is 6 or 9 && rest[3] == ':' && TwoDigits(rest, 1, out var oh) && TwoDigits(rest, 4, out var om))
        {
            var os = 0;
            if (rest.Length == 9 && (rest[6] != ':' || !TwoDigits(rest, 7, out os)))
            {
                return false;
            }

            if (oh > 14 || om > 59)
            {
                return false;
            }

            var span = new TimeSpan(oh, om, os);
            offset = rest[0] == '-' ? -span : span;
            return true;
        }

        return false;
    }

    /// <summary>Parses an xs:duration, giving months and nanoseconds separately.</summary>
    public static bool TryParseDuration(ReadOnlySpan<char> s, out long months, out Int128 nanos, out bool hasYearMonth, out bool hasDayTime)
    {
        months = 0;
        nanos = 0;
        hasYearMonth = false;
        hasDayTime = false;
        var i = 0;
        var negative = false;
        if (i < s.Length && s[i] == '-')
        {
            negative = true;
            i++;
        }

        if (i >= s.Length || s[i] != 'P')
        {
            return false;
        }

        i++;
        var inTime = false;
        var any = false;
        var lastRank = 0;
        while (i < s.Length)
        {
            if (s[i] == 'T')
            {
                if (inTime)
                {
                    return false;
                }

                inTime = true;
                i++;
                if (i >= s.Length)
                {
                    return false;
                }

                continue;
            }

            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }

            var whole = s[start..i];
            var fraction = ReadOnlySpan<char>.Empty;
            if (i < s.Length && s[i] == '.')
            {
                i++;
                var fs = i;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }

                fraction = s[fs..i];
                if (fraction.IsEmpty)
                {
                    fraction = "0";
                }
            }

            if (i >= s.Length)
            {
                return false;
            }

            if (!Int128.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > (Int128)long.MaxValue)
            {
                return false;
            }

            var designator = s[i++];
            int rank = (inTime, designator) switch
            {
                (false, 'Y') => 1,
                (false, 'M') => 2,
                (false, 'D') => 3,
                (true, 'H') => 4,
                (true, 'M') => 5,
                (true, 'S') => 6,
                _ => -1,
            };
            if (rank <= lastRank || (!fraction.IsEmpty && rank != 6))
            {
                return false;
            }

            lastRank = rank;
            any = true;
            switch (rank)
            {
                case 1:
                    months += (long)value * 12;
                    hasYearMonth = true;
                    break;
                case 2:
                    months += (long)value;
                    hasYearMonth = true;
                    break;
                case 3:
                    nanos += value * 86_400 * CalendarMath.NanosPerSecond;
                    hasDayTime = true;
                    break;
                case 4:
                    nanos += value * 3_600 * CalendarMath.NanosPerSecond;
                    hasDayTime = true;
                    break;
                case 5:
                    nanos += value * 60 * CalendarMath.NanosPerSecond;
                    hasDayTime = true;
                    break;
                default:
                    nanos += value * CalendarMath.NanosPerSecond;
                    if (!fraction.IsEmpty)
                    {
                        var padded = fraction.Length >= 9 ? fraction[..9].ToString() : fraction.ToString().PadRight(9, '0');
                        nanos += int.Parse(padded, NumberStyles.None, CultureInfo.InvariantCulture);
                    }

                    hasDayTime = true;
                    break;
            }
        }

        if (!any)
        {
            return false;
        }

        if (negative)
        {
            months = -months;
            nanos = -nanos;
        }

        return true;
    }

    public static string FormatDaysTime(Int128 nanos)
    {
        if (nanos == 0)
        {
            return "PT0S";
        }

        var text = new StringBuilder();
        if (nanos < 0)
        {
            text.Append('-');
            nanos = -nanos;
        }

        text.Append('P');
        var totalSeconds = (long)(nanos / CalendarMath.NanosPerSecond);
        var fraction = (int)(nanos % CalendarMath.NanosPerSecond);
        var days = totalSeconds / 86_400;
        var hours = totalSeconds / 3_600 % 24;
        var minutes = totalSeconds / 60 % 60;
        var seconds = totalSeconds % 60;
        if (days != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{days}D");
        }

        if (hours != 0 || minutes != 0 || seconds != 0 || fraction != 0)
        {
            text.Append('T');
            if (hours != 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{hours}H");
            }

            if (minutes != 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{minutes}M");
            }

            if (seconds != 0 || fraction != 0)
            {
                text.Append(seconds.ToString(CultureInfo.InvariantCulture));
                if (fraction != 0)
                {
                    text.Append('.').Append(fraction.ToString("000000000", CultureInfo.InvariantCulture).TrimEnd('0'));
                }

                text.Append('S');
            }
        }

        return text.ToString();
    }

    public static string FormatYearsMonths(long months)
    {
        if (months == 0)
        {
            return "P0M";
        }

        var sign = months < 0 ? "-" : string.Empty;
        var abs = Math.Abs(months);
        var years = abs / 12;
        var rest = abs % 12;
        var text = sign + "P";
        if (years != 0)
        {
            text += years.ToString(CultureInfo.InvariantCulture) + "Y";
        }

        if (rest != 0)
        {
            text += rest.ToString(CultureInfo.InvariantCulture) + "M";
        }

        return text;
    }

    private static bool TwoDigits(ReadOnlySpan<char> s, int at, out int value)
    {
        value = 0;
        if (at + 2 > s.Length || !char.IsAsciiDigit(s[at]) || !char.IsAsciiDigit(s[at + 1]))
        {
            return false;
        }

        value = (s[at] - '0') * 10 + (s[at + 1] - '0');
        return true;
    }
}
