using System.Globalization;

namespace Crm.Bpm.Engine.Runtime.Timers;

/// <summary>An ISO 8601 duration (<c>P1Y2M3DT4H5M6S</c>, <c>P2W</c>): calendar years and months plus an exact time span.</summary>
public readonly record struct IsoDuration(int Years, int Months, TimeSpan Time)
{
    /// <summary>Whether the duration is zero or negative.</summary>
    public bool IsEmpty => Years == 0 && Months == 0 && Time <= TimeSpan.Zero;

    /// <summary>Adds the duration to a point in time (calendar months first, then the exact part).</summary>
    public DateTimeOffset AddTo(DateTimeOffset start) => start.AddYears(Years).AddMonths(Months).Add(Time);

    /// <summary>Parses an ISO 8601 duration; false for anything else.</summary>
    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var negative = false;
        var i = 0;
        if (s[0] == '-')
        {
            negative = true;
            i = 1;
        }

        if (i >= s.Length || s[i] != 'P')
        {
            return false;
        }

        i++;
        var inTime = false;
        var years = 0;
        var months = 0;
        var time = TimeSpan.Zero;
        var any = false;
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
                continue;
            }

            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.' || s[i] == ','))
            {
                i++;
            }

            if (start == i || i >= s.Length)
            {
                return false;
            }

            if (!decimal.TryParse(s.AsSpan(start, i - start).ToString().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unit = s[i++];
            any = true;
            switch (unit)
            {
                case 'Y' when !inTime && number == decimal.Truncate(number): years += (int)number; break;
                case 'M' when !inTime && number == decimal.Truncate(number): months += (int)number; break;
                case 'W' when !inTime: time += TimeSpan.FromDays((double)number * 7); break;
                case 'D' when !inTime: time += TimeSpan.FromDays((double)number); break;
                case 'H' when inTime: time += TimeSpan.FromHours((double)number); break;
                case 'M' when inTime: time += TimeSpan.FromMinutes((double)number); break;
                case 'S' when inTime: time += TimeSpan.FromSeconds((double)number); break;
                default: return false;
            }
        }

        if (!any)
        {
            return false;
        }

        duration = negative ? new IsoDuration(-years, -months, -time) : new IsoDuration(years, months, time);
        return true;
    }
}
