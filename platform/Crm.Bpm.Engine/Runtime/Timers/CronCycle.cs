using Cronos;

namespace Crm.Bpm.Engine.Runtime.Timers;

/// <summary>A timer cycle given as a cron expression, as Camunda 8 accepts in timeCycle: six fields with seconds (Spring style) or five without, optionally after <c>R/</c>.</summary>
internal static class CronCycle
{
    /// <summary>Whether the text is meant as a cron expression (it has fields separated by spaces).</summary>
    public static bool LooksLikeCron(string text) => StripRepeat(text).Contains(' ', StringComparison.Ordinal);

    /// <summary>Parses the cron expression; on failure <paramref name="error"/> says why, phrased to follow "which is".</summary>
    public static bool TryParse(string text, out CronExpression? expression, out string? normalized, out string? error)
    {
        expression = null;
        error = null;
        normalized = StripRepeat(text).Trim();
        var fields = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        normalized = string.Join(' ', fields);
        if (fields.Length is not (5 or 6))
        {
            error = $"not a cron expression: it has {fields.Length} fields, not 6 (second minute hour day month weekday) or 5 (minute hour day month weekday).";
            return false;
        }

        try
        {
            expression = CronExpression.Parse(normalized, fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return true;
        }
        catch (CronFormatException e)
        {
            error = $"not a valid cron expression: {e.Message}";
            return false;
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/> (UTC), or null when there is none.</summary>
    public static DateTimeOffset? Next(CronExpression expression, DateTimeOffset after)
    {
        var next = expression.GetNextOccurrence(after.UtcDateTime, inclusive: false);
        return next is { } value ? new DateTimeOffset(value, TimeSpan.Zero) : null;
    }

    /// <summary>The next due date of a stored cron cycle after <paramref name="after"/>, or null when the expression no longer parses or has no further occurrence.</summary>
    public static DateTimeOffset? Next(string cron, DateTimeOffset after) =>
        TryParse(cron, out var expression, out _, out _) ? Next(expression!, after) : null;

    private static string StripRepeat(string text)
    {
        var trimmed = text.Trim();
        return trimmed.StartsWith("R/", StringComparison.Ordinal) ? trimmed[2..] : trimmed;
    }
}
