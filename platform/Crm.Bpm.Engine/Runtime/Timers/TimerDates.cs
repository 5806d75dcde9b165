using System.Globalization;

namespace Crm.Bpm.Engine.Runtime.Timers;

/// <summary>Reads the ISO 8601 date-times that timers, due dates and follow-up dates are given in.</summary>
public static class TimerDates
{
    /// <summary>Parses an ISO 8601 date-time; one without an offset is taken as UTC, a FEEL zone id suffix (<c>@Europe/Berlin</c>) is ignored after the offset.</summary>
    public static bool TryParseDateTime(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var at = s.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            s = s[..at];
        }

        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
