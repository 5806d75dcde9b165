using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Numbers;
using Crm.Bpm.Feel.Temporal;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Compilation;

/// <summary>FEEL arithmetic on numbers, strings, temporals and durations (DMN 1.5 §10.3.2.3, tables 57-61); invalid combinations are null with a warning.</summary>
internal static class Arithmetic
{
    public static FeelValue Add(FeelEvaluationContext context, FeelValue a, FeelValue b)
    {
        switch (a)
        {
            case FeelNumber x when b is FeelNumber y:
                return Number(context, FeelDecimal.Add(x.Value, y.Value));
            case FeelString x when b is FeelString y:
                return new FeelString(x.Value + y.Value);
            case FeelDaysTimeDuration x when b is FeelDaysTimeDuration y:
                return new FeelDaysTimeDuration(x.TotalNanoseconds + y.TotalNanoseconds);
            case FeelYearsMonthsDuration x when b is FeelYearsMonthsDuration y:
                return new FeelYearsMonthsDuration(x.TotalMonths + y.TotalMonths);
            case FeelDaysTimeDuration or FeelYearsMonthsDuration when b is FeelDate or FeelDateTime or FeelTime:
                return Add(context, b, a);
        }

        if (!a.IsNull && !b.IsNull)
        {
            var shifted = Shift(a, b, 1);
            if (shifted is not null)
            {
                return shifted;
            }
        }

        return Invalid(context, "+", a, b);
    }

    public static FeelValue Subtract(FeelEvaluationContext context, FeelValue a, FeelValue b)
    {
        switch (a)
        {
            case FeelNumber x when b is FeelNumber y:
                return Number(context, FeelDecimal.Add(x.Value, y.Value.Negate()));
            case FeelDaysTimeDuration x when b is FeelDaysTimeDuration y:
                return new FeelDaysTimeDuration(x.TotalNanoseconds - y.TotalNanoseconds);
            case FeelYearsMonthsDuration x when b is FeelYearsMonthsDuration y:
                return new FeelYearsMonthsDuration(x.TotalMonths - y.TotalMonths);
            case FeelDate x when b is FeelDate y:
                return new FeelDaysTimeDuration((Int128)(x.EpochDay - y.EpochDay) * CalendarMath.SecondsPerDay * CalendarMath.NanosPerSecond);
            case FeelDateTime or FeelDate when b is FeelDateTime or FeelDate:
                {
                    // DMN 1.5 table 57, TCK 0100: a date counts as midnight UTC; a local and a zoned date and time
                    // cannot be subtracted (null).
                    var x = AsDateTime(a);
                    var y = AsDateTime(b);
                    return x.HasZone == y.HasZone
                        ? new FeelDaysTimeDuration(x.HasZone ? x.InstantNanos - y.InstantNanos : x.LocalNanos - y.LocalNanos)
                        : Invalid(context, "-", a, b);
                }

            case FeelTime x when b is FeelTime y:
                {
                    var nx = x.NanoOfDay - (x.HasZone && y.HasZone ? (x.Offset ?? TimeSpan.Zero).Ticks * 100 : 0);
                    var ny = y.NanoOfDay - (x.HasZone && y.HasZone ? (y.Offset ?? TimeSpan.Zero).Ticks * 100 : 0);
                    return new FeelDaysTimeDuration(nx - ny);
                }
        }

        if (!a.IsNull && !b.IsNull && a is FeelDate or FeelDateTime or FeelTime)
        {
            var shifted = Shift(a, b, -1);
            if (shifted is not null)
            {
                return shifted;
            }
        }

        return Invalid(context, "-", a, b);
    }

    public static FeelValue Multiply(FeelEvaluationContext context, FeelValue a, FeelValue b)
    {
        switch (a)
        {
            case FeelNumber x when b is FeelNumber y:
                return Number(context, FeelDecimal.Multiply(x.Value, y.Value));
            case FeelDaysTimeDuration x when b is FeelNumber y:
                return ScaleDaysTime(context, x, y.Value);
            case FeelNumber x when b is FeelDaysTimeDuration y:
                return ScaleDaysTime(context, y, x.Value);
            case FeelYearsMonthsDuration x when b is FeelNumber y:
                return ScaleMonths(context, x, y.Value);
            case FeelNumber x when b is FeelYearsMonthsDuration y:
                return ScaleMonths(context, y, x.Value);
        }

        return Invalid(context, "*", a, b);
    }

    public static FeelValue Divide(FeelEvaluationContext context, FeelValue a, FeelValue b)
    {
        if (b is FeelNumber { Value.Sign: 0 } && a is FeelNumber or FeelDaysTimeDuration or FeelYearsMonthsDuration)
        {
            context.Warn(FeelWarningCodes.OutOfRange, "Division by zero gives null.");
            return FeelValue.Null;
        }

        switch (a)
        {
            case FeelNumber x when b is FeelNumber y:
                return Number(context, FeelDecimal.Divide(x.Value, y.Value));
            case FeelDaysTimeDuration x when b is FeelNumber y:
                return ScaleDaysTime(context, x, FeelDecimal.Divide(FeelDecimal.One, y.Value) ?? FeelDecimal.Zero, y.Value);
            case FeelYearsMonthsDuration x when b is FeelNumber y:
                return FeelDecimal.Divide(x.TotalMonths, y.Value) is { } months ? MonthsFrom(context, months) : Invalid(context, "/", a, b);
            case FeelDaysTimeDuration x when b is FeelDaysTimeDuration y:
                return y.TotalNanoseconds == 0 ? DivideByZero(context) : Number(context, FeelDecimal.Divide(ToDecimal(x.TotalNanoseconds), ToDecimal(y.TotalNanoseconds)));
            case FeelYearsMonthsDuration x when b is FeelYearsMonthsDuration y:
                return y.TotalMonths == 0 ? DivideByZero(context) : Number(context, FeelDecimal.Divide(x.TotalMonths, y.TotalMonths));
        }

        return Invalid(context, "/", a, b);
    }

    public static FeelValue Power(FeelEvaluationContext context, FeelValue a, FeelValue b)
    {
        if (a is not FeelNumber x || b is not FeelNumber y)
        {
            return Invalid(context, "**", a, b);
        }

        if (y.Value.TryGetInt32(out var n) && Math.Abs(n) <= 10_000)
        {
            var result = (FeelDecimal?)FeelDecimal.One;
            var power = (FeelDecimal?)x.Value;
            var k = Math.Abs(n);
            while (k > 0 && result is not null && power is not null)
            {
                if ((k & 1) == 1)
                {
                    result = FeelDecimal.Multiply(result.Value, power.Value);
                }

                k >>= 1;
                if (k > 0)
                {
                    power = FeelDecimal.Multiply(power.Value, power.Value);
                }
            }

            if (result is null)
            {
                return Number(context, null);
            }

            return n < 0 ? Number(context, FeelDecimal.Divide(FeelDecimal.One, result.Value)) : FeelNumber.Of(result.Value);
        }

        var value = Math.Pow(x.Value.ToDouble(), y.Value.ToDouble());
        return double.IsFinite(value) ? FeelNumber.Of(FeelDecimal.FromDouble(value)) : Number(context, null);
    }

    public static FeelValue Negate(FeelEvaluationContext context, FeelValue a) => a switch
    {
        FeelNumber n => FeelNumber.Of(n.Value.Negate()),
        FeelDaysTimeDuration d => new FeelDaysTimeDuration(-d.TotalNanoseconds),
        FeelYearsMonthsDuration d => new FeelYearsMonthsDuration(-d.TotalMonths),
        FeelNull => FeelValue.Null,
        _ => WarnNull(context, FeelWarningCodes.InvalidOperands, $"Cannot negate {Describe(a)}."),
    };

    /// <summary>Adds <paramref name="sign"/> × a duration to a date, date and time or time; null when the combination is not defined.</summary>
    public static FeelValue? Shift(FeelValue temporal, FeelValue duration, int sign)
    {
        switch (temporal)
        {
            case FeelDate date when duration is FeelYearsMonthsDuration ym:
                return AddMonths(date, sign * ym.TotalMonths);
            case FeelDate date when duration is FeelDaysTimeDuration dt:
                {
                    // DMN 1.5 table 57: date + days and time duration is a date (the time part is carried into the day count).
                    var shifted = FeelDateTime.FromLocalNanos(((Int128)date.EpochDay * CalendarMath.SecondsPerDay * CalendarMath.NanosPerSecond) + (sign * dt.TotalNanoseconds), null, null);
                    return shifted?.Date;
                }

            case FeelDateTime dt when duration is FeelYearsMonthsDuration ym:
                {
                    var date = AddMonths(dt.Date, sign * ym.TotalMonths);
                    return date is null ? null : FeelDateTime.TryCreate(date, dt.NanoOfDay, dt.ZoneId is null ? dt.Offset : null, dt.ZoneId);
                }

            case FeelDateTime dt when duration is FeelDaysTimeDuration d:
                {
                    if (dt.ZoneId is not null)
                    {
                        // Zoned arithmetic works on the instant, then reads the local time in the zone (across DST changes).
                        var instant = dt.InstantNanos + (sign * d.TotalNanoseconds);
                        var offset = CalendarMath.OffsetAtInstant(dt.ZoneId, instant);
                        return offset is { } o ? FeelDateTime.FromLocalNanos(instant + ((Int128)o.Ticks * 100), null, dt.ZoneId) : null;
                    }

                    return FeelDateTime.FromLocalNanos(dt.LocalNanos + (sign * d.TotalNanoseconds), dt.Offset, null);
                }

            case FeelTime time when duration is FeelDaysTimeDuration d:
                {
                    var perDay = (Int128)CalendarMath.SecondsPerDay * CalendarMath.NanosPerSecond;
                    var shift = (long)((sign * d.TotalNanoseconds) % perDay);
                    return FeelTime.FromNanoOfDay(time.NanoOfDay + shift, time.ZoneId is null ? time.Offset : null, time.ZoneId) is { } t && time.ZoneId is not null
                        ? FeelTime.TryCreate(t.Hour, t.Minute, t.Second, t.Nanosecond, null, time.ZoneId)
                        : FeelTime.FromNanoOfDay(time.NanoOfDay + shift, time.Offset, null);
                }

            default:
                return null;
        }
    }

    public static FeelDate? AddMonths(FeelDate date, long months)
    {
        var total = (date.Year * 12) + (date.Month - 1) + months;
        var year = CalendarMath.FloorDiv(total, 12);
        var month = (int)CalendarMath.FloorMod(total, 12) + 1;
        var day = Math.Min(date.Day, CalendarMath.DaysInMonth(year, month));
        return FeelDate.TryCreate(year, month, day);
    }

    public static FeelDateTime AsDateTime(FeelValue value) =>
        value as FeelDateTime ?? FeelDateTime.TryCreate((FeelDate)value, 0, TimeSpan.Zero)!;

    public static FeelValue Number(FeelEvaluationContext context, FeelDecimal? value)
    {
        if (value is { } v)
        {
            return FeelNumber.Of(v);
        }

        context.Warn(FeelWarningCodes.OutOfRange, "The result is outside the FEEL number range.");
        return FeelValue.Null;
    }

    public static FeelDecimal ToDecimal(Int128 value) => FeelDecimal.Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static Int128? ToInt128(FeelDecimal value)
    {
        var rounded = value.Round(0, MidpointRounding.ToEven);
        var (c, e) = rounded.Decompose();
        if (e > 30)
        {
            return null;
        }

        var whole = c * FeelDecimal.Pow10(Math.Max(e, 0));
        return whole > (System.Numerics.BigInteger)Int128.MaxValue || whole < (System.Numerics.BigInteger)Int128.MinValue ? null : (Int128)whole;
    }

    public static string Describe(FeelValue value) => value.Kind switch
    {
        FeelValueKind.Null => "null",
        FeelValueKind.DaysTimeDuration => "a days and time duration",
        FeelValueKind.YearsMonthsDuration => "a years and months duration",
        FeelValueKind.DateTime => "a date and time",
        _ => "a " + value.Kind.ToString().ToLowerInvariant(),
    };

    public static FeelValue WarnNull(FeelEvaluationContext context, string code, string message)
    {
        context.Warn(code, message);
        return FeelValue.Null;
    }

    private static FeelNull Invalid(FeelEvaluationContext context, string op, FeelValue a, FeelValue b)
    {
        if (a.IsNull || b.IsNull)
        {
            return FeelNull.Instance;
        }

        context.Warn(FeelWarningCodes.InvalidOperands, $"Cannot apply '{op}' to {Describe(a)} and {Describe(b)}.");
        return FeelNull.Instance;
    }

    private static FeelValue DivideByZero(FeelEvaluationContext context) =>
        WarnNull(context, FeelWarningCodes.OutOfRange, "Division by zero gives null.");

    private static FeelValue ScaleDaysTime(FeelEvaluationContext context, FeelDaysTimeDuration duration, FeelDecimal factor, FeelDecimal? divisor = null)
    {
        FeelDecimal? product = divisor is { } d ? FeelDecimal.Divide(ToDecimal(duration.TotalNanoseconds), d) : FeelDecimal.Multiply(ToDecimal(duration.TotalNanoseconds), factor);
        var nanos = product is { } p ? ToInt128(p) : null;
        return nanos is { } n ? new FeelDaysTimeDuration(n) : Number(context, null);
    }

    private static FeelValue ScaleMonths(FeelEvaluationContext context, FeelYearsMonthsDuration duration, FeelDecimal factor) =>
        FeelDecimal.Multiply(duration.TotalMonths, factor) is { } months ? MonthsFrom(context, months) : Number(context, null);

    private static FeelValue MonthsFrom(FeelEvaluationContext context, FeelDecimal months)
    {
        // TCK 0100: P1Y11M * -2.5 is -P4Y9M, so partial months are dropped (towards zero).
        var rounded = months.Truncate();
        return rounded.TryGetInt64(out var m) ? new FeelYearsMonthsDuration(m) : Number(context, null);
    }
}
