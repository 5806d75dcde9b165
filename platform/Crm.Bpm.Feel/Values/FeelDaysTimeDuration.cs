using Crm.Bpm.Feel.Temporal;

namespace Crm.Bpm.Feel.Values;

/// <summary>A FEEL days and time duration (xs:dayTimeDuration), held in nanoseconds.</summary>
public sealed class FeelDaysTimeDuration : FeelValue
{
    public FeelDaysTimeDuration(Int128 totalNanoseconds)
    {
        TotalNanoseconds = totalNanoseconds;
    }

    /// <summary>The signed length in nanoseconds.</summary>
    public Int128 TotalNanoseconds { get; }

    /// <summary>The whole-second part of the length (signed, truncated).</summary>
    public long TotalSeconds => (long)(TotalNanoseconds / CalendarMath.NanosPerSecond);

    /// <summary>The <c>days</c> component (signed).</summary>
    public long Days => TotalSeconds / 86_400;

    /// <summary>The <c>hours</c> component, 0..23 (signed).</summary>
    public int Hours => (int)(TotalSeconds / 3600 % 24);

    /// <summary>The <c>minutes</c> component, 0..59 (signed).</summary>
    public int Minutes => (int)(TotalSeconds / 60 % 60);

    /// <summary>The <c>seconds</c> component, 0..59 (signed).</summary>
    public int Seconds => (int)(TotalSeconds % 60);

    /// <inheritdoc />
    public override FeelValueKind Kind => FeelValueKind.DaysTimeDuration;

    public static FeelDaysTimeDuration FromTimeSpan(TimeSpan span) => new((Int128)span.Ticks * 100);

    public static FeelDaysTimeDuration FromSeconds(long seconds) => new((Int128)seconds * CalendarMath.NanosPerSecond);

    /// <summary>Parses <c>[-]PnDTnHnMn.nS</c>; null when invalid or when it has years or months.</summary>
    public static FeelDaysTimeDuration? TryParse(string text) =>
        TemporalText.TryParseDuration(text, out _, out var nanos, out var ym, out _) && !ym ? new FeelDaysTimeDuration(nanos) : null;

    /// <summary>The .NET span (rounded down to 100 ns), when within its range.</summary>
    public TimeSpan? ToTimeSpan()
    {
        var ticks = TotalNanoseconds / 100;
        return ticks > long.MaxValue || ticks < long.MinValue ? null : TimeSpan.FromTicks((long)ticks);
    }

    /// <inheritdoc />
    public override string ToFeelString() => TemporalText.FormatDaysTime(TotalNanoseconds);

    /// <inheritdoc />
    public override string ToFeelLiteral() => $"duration(\"{ToFeelString()}\")";

    /// <inheritdoc />
    public override bool Equals(FeelValue? other) => other is FeelDaysTimeDuration d && d.TotalNanoseconds == TotalNanoseconds;

    /// <inheritdoc />
    public override int GetHashCode() => TotalNanoseconds.GetHashCode();
}
