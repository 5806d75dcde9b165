using Crm.Bpm.Feel.Temporal;

namespace Crm.Bpm.Feel.Values;

/// <summary>A FEEL years and months duration (xs:yearMonthDuration), held in months.</summary>
public sealed class FeelYearsMonthsDuration : FeelValue
{
    public FeelYearsMonthsDuration(long totalMonths)
    {
        TotalMonths = totalMonths;
    }

    /// <summary>The signed length in months.</summary>
    public long TotalMonths { get; }

    /// <summary>The <c>years</c> component (signed).</summary>
    public long Years => TotalMonths / 12;

    /// <summary>The <c>months</c> component, 0..11 (signed).</summary>
    public int Months => (int)(TotalMonths % 12);

    /// <inheritdoc />
    public override FeelValueKind Kind => FeelValueKind.YearsMonthsDuration;

    /// <summary>Parses <c>[-]PnYnM</c>; null when invalid or when it has days or time.</summary>
    public static FeelYearsMonthsDuration? TryParse(string text) =>
        TemporalText.TryParseDuration(text, out var months, out _, out _, out var dt) && !dt ? new FeelYearsMonthsDuration(months) : null;

    /// <inheritdoc />
    public override string ToFeelString() => TemporalText.FormatYearsMonths(TotalMonths);

    /// <inheritdoc />
    public override string ToFeelLiteral() => $"duration(\"{ToFeelString()}\")";

    /// <inheritdoc />
    public override bool Equals(FeelValue? other) => other is FeelYearsMonthsDuration d && d.TotalMonths == TotalMonths;

    /// <inheritdoc />
    public override int GetHashCode() => TotalMonths.GetHashCode();
}
