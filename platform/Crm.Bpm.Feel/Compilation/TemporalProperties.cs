using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Compilation;

/// <summary>The properties of temporal values, durations and ranges reachable with a path (DMN 1.5 table 65).</summary>
internal static class TemporalProperties
{
    public static FeelValue? Get(FeelValue value, string name) => value switch
    {
        FeelDate d => name switch
        {
            "year" => FeelNumber.Of(d.Year),
            "month" => FeelNumber.Of(d.Month),
            "day" => FeelNumber.Of(d.Day),
            "weekday" => FeelNumber.Of(d.IsoDayOfWeek),
            _ => null,
        },
        FeelDateTime dt => name switch
        {
            "year" => FeelNumber.Of(dt.Year),
            "month" => FeelNumber.Of(dt.Month),
            "day" => FeelNumber.Of(dt.Day),
            "weekday" => FeelNumber.Of(dt.Date.IsoDayOfWeek),
            "hour" => FeelNumber.Of(dt.Hour),
            "minute" => FeelNumber.Of(dt.Minute),
            "second" => FeelNumber.Of(dt.Second),
            "time offset" => dt.Offset is { } o ? FeelDaysTimeDuration.FromTimeSpan(o) : FeelValue.Null,
            "timezone" => dt.ZoneId is { } z ? new FeelString(z) : FeelValue.Null,
            _ => null,
        },
        FeelTime t => name switch
        {
            "hour" => FeelNumber.Of(t.Hour),
            "minute" => FeelNumber.Of(t.Minute),
            "second" => FeelNumber.Of(t.Second),
            "time offset" => t.Offset is { } o ? FeelDaysTimeDuration.FromTimeSpan(o) : FeelValue.Null,
            "timezone" => t.ZoneId is { } z ? new FeelString(z) : FeelValue.Null,
            _ => null,
        },
        FeelDaysTimeDuration d => name switch
        {
            "days" => FeelNumber.Of(d.Days),
            "hours" => FeelNumber.Of(d.Hours),
            "minutes" => FeelNumber.Of(d.Minutes),
            "seconds" => FeelNumber.Of(d.Seconds),
            _ => null,
        },
        FeelYearsMonthsDuration ym => name switch
        {
            "years" => FeelNumber.Of(ym.Years),
            "months" => FeelNumber.Of(ym.Months),
            _ => null,
        },
        FeelRange r => name switch
        {
            "start" => r.Start ?? FeelValue.Null,
            "end" => r.End ?? FeelValue.Null,
            "start included" => FeelBoolean.Of(r.StartIncluded),
            "end included" => FeelBoolean.Of(r.EndIncluded),
            _ => null,
        },
        _ => null,
    };
}
