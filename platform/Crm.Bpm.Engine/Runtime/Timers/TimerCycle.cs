using System.Globalization;

namespace Crm.Bpm.Engine.Runtime.Timers;

/// <summary>An ISO 8601 repeating interval (<c>R3/PT1H</c>, <c>R/P1D</c>, <c>R2/2025-01-01T09:00:00Z/PT1H</c>).</summary>
/// <param name="Repetitions">How many times the timer fires; -1 for unbounded.</param>
/// <param name="Start">The first due date when the cycle names one, or null to start one interval from now.</param>
/// <param name="Interval">The time between firings.</param>
public readonly record struct TimerCycle(int Repetitions, DateTimeOffset? Start, IsoDuration Interval)
{
    /// <summary>Parses a repeating interval; false for anything else (cron cycles are read separately).</summary>
    public static bool TryParse(string? text, out TimerCycle cycle)
    {
        cycle = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split('/');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || parts[0][0] != 'R')
        {
            return false;
        }

        var repetitions = -1;
        if (parts[0].Length > 1 && !int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out repetitions))
        {
            return false;
        }

        DateTimeOffset? start = null;
        var durationText = parts[^1];
        if (parts.Length == 3)
        {
            if (!TimerDates.TryParseDateTime(parts[1], out var first))
            {
                return false;
            }

            start = first;
        }

        if (!IsoDuration.TryParse(durationText, out var interval) || interval.IsEmpty)
        {
            return false;
        }

        cycle = new TimerCycle(repetitions, start, interval);
        return true;
    }
}
