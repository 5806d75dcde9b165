using System.Globalization;
using Crm.Bpm.Feel.Temporal;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Functions;

/// <summary>Date and time functions (DMN 1.5 §10.3.4.6-8): is, day of year, day of week, month of year, week of year, now, today, last day of month.</summary>
internal static class TemporalFunctions
{
    private static readonly string[] DayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static void Register(Dictionary<string, BuiltinFunction> f)
    {
        BuiltinFunctions.Add(f, "is", ["value1", "value2"], c => c[0].Kind == c[1].Kind ? FeelBoolean.Of(c[0].Equals(c[1])) : FeelBoolean.False);
        BuiltinFunctions.Add(f, "day of year", ["date"], c => DateOf(c) is { } d ? FeelNumber.Of(d.EpochDay - CalendarMath.DaysFromCivil(d.Year, 1, 1) + 1) : NullOr(c));
        BuiltinFunctions.Add(f, "day of week", ["date"], c => DateOf(c) is { } d ? new FeelString(DayNames[d.IsoDayOfWeek - 1]) : NullOr(c));
        BuiltinFunctions.Add(f, "month of year", ["date"], c => DateOf(c) is { } d ? new FeelString(CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(d.Month)) : NullOr(c));
        BuiltinFunctions.Add(f, "week of year", ["date"], c => DateOf(c) is { } d ? FeelNumber.Of(IsoWeek(d)) : NullOr(c));
        BuiltinFunctions.Add(f, "last day of month", ["date"], c => DateOf(c) is { } d ? FeelDate.TryCreate(d.Year, d.Month, CalendarMath.DaysInMonth(d.Year, d.Month))! : NullOr(c));
        BuiltinFunctions.Add(f, "now", [], c => FeelDateTime.FromDateTimeOffset(c.Context.Clock.GetLocalNow()));
        BuiltinFunctions.Add(f, "today", [], c => FeelDate.FromDateOnly(DateOnly.FromDateTime(c.Context.Clock.GetLocalNow().DateTime)));
    }

    private static FeelValue NullOr(Call c) => c[0].IsNull ? FeelValue.Null : c.Fail("expects a date or a date and time.");

    private static FeelDate? DateOf(Call c) => c[0] switch
    {
        FeelDate d => d,
        FeelDateTime dt => dt.Date,
        _ => null,
    };

    private static int IsoWeek(FeelDate date)
    {
        // ISO 8601: week 1 holds the year's first Thursday.
        var thursday = date.EpochDay - date.IsoDayOfWeek + 4;
        var year = FeelDate.FromEpochDay(thursday).Year;
        var firstDay = CalendarMath.DaysFromCivil(year, 1, 1);
        return (int)((thursday - firstDay) / 7) + 1;
    }
}
