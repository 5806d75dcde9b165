using System.Globalization;
using Crm.Bpm.Cli.Hosting;

namespace Crm.Bpm.Cli.Serve;

/// <summary>Reads the durations of <c>crm engine serve</c> options: a number with a unit, <c>250ms</c>, <c>30s</c>, <c>5m</c>.</summary>
internal static class ServeDurations
{
    /// <summary>The option's duration, or <paramref name="fallback"/> when it is not given.</summary>
    /// <exception cref="CliUsageException">The value is not a positive number followed by ms, s or m.</exception>
    public static TimeSpan Get(CliArguments arguments, string option, TimeSpan fallback)
    {
        if (arguments.Get(option) is not { } text)
        {
            return fallback;
        }

        var (digits, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : text.EndsWith('m') ? (text[..^1], 60_000.0)
            : (text, double.NaN);
        if (double.IsNaN(unit) || !double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new CliUsageException($"--{option} must be a positive duration such as 250ms, 30s or 5m, not '{text}'");
        }

        return TimeSpan.FromMilliseconds(value * unit);
    }
}
