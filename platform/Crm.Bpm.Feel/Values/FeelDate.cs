using Crm.Bpm.Feel.Temporal;

namespace Crm.Bpm.Feel.Values;

/// <summary>A FEEL date: a calendar day without time or zone (DMN 1.5 §10.3.2.3.5), years ±999,999,999.</summary>
public sealed class FeelDate : FeelValue
{
    private FeelDate(long year, int month, int day)
    {
        Year = year;
        Month = month;
        Day = day;
        EpochDay = CalendarMath.DaysFromCivil(year, month, day);
    }

    public long Year { get; }

    public int Month { get; }

    public int Day { get; }

    /// <summary>Days since 1970-01-01.</summary>
    public long EpochDay { get; }

    /// <inheritdoc />
    public override FeelValueKind Kind => FeelValueKind.Date;

    /// <summary>A date, or null when the day does not exist.</summary>
    public static FeelDate? TryCreate(long year, int month, int day) =>
        CalendarMath.IsValidDate(year, month, day) ? new FeelDate(year, month, day) : null;

    /// <summary>The date <paramref name="epochDay"/> days after 1970-01-01.</summary>
    public static FeelDate FromEpochDay(long epochDay)
    {
        var (y, m, d) = CalendarMath.CivilFromDays(epochDay);
        return new FeelDate(y, m, d);
    }

    public static FeelDate FromDateOnly(DateOnly date) => new(date.Year, date.Month, date.Day);

    /// <summary>Parses <c>YYYY-MM-DD</c>; null when the text is not a valid date.</summary>
    public static FeelDate? TryParse(string text) =>
        TemporalText.TryParseDate(text, out var y, out var m, out var d) ? new FeelDate(y, m, d) : null;

    /// <summary>The .NET date, when the year is within 1..9999.</summary>
    public DateOnly? ToDateOnly() => Year is >= 1 and <= 9999 ? new DateOnly((int)Year, Month, Day) : null;

    /// <summary>ISO day of week, 1 = Monday.</summary>
    public int IsoDayOfWeek => (int)CalendarMath.FloorMod(EpochDay + 3, 7) + 1;

    /// <inheritdoc />
    public override string ToFeelString() => TemporalText.FormatDate(Year, Month, Day);

    /// <inheritdoc />
    public override string ToFeelLiteral() => $"date(\"{ToFeelString()}\")";

    /// <inheritdoc />
    public override bool Equals(FeelValue? other) => other is FeelDate d && d.EpochDay == EpochDay;

    /// <inheritdoc />
    public override int GetHashCode() => EpochDay.GetHashCode();
}
