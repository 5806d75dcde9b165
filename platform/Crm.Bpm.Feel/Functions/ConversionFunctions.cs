using Crm.Bpm.Feel.Numbers;
using Crm.Bpm.Feel.Temporal;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Functions;

/// <summary>Conversion functions (DMN 1.5 §10.3.4.1): date, time, date and time, duration, number, string, context, not.</summary>
internal static class ConversionFunctions
{
    public static void Register(Dictionary<string, BuiltinFunction> f)
    {
        BuiltinFunctions.Add(f, "date", ["from"], Date);
        BuiltinFunctions.Add(f, "date", ["year", "month", "day"], DateOfParts);
        BuiltinFunctions.Add(f, "date and time", ["from"], DateTime);
        BuiltinFunctions.Add(f, "date and time", ["date", "time"], DateTimeOfParts);
        BuiltinFunctions.Add(f, "time", ["from"], Time);
        BuiltinFunctions.Add(f, "time", ["hour", "minute", "second", "offset"], TimeOfParts, required: 3);
        BuiltinFunctions.Add(f, "duration", ["from"], Duration);
        BuiltinFunctions.Add(f, "years and months duration", ["from", "to"], YearsAndMonths);
        BuiltinFunctions.Add(f, "number", ["from", "grouping separator", "decimal separator"], Number, required: 1);
        BuiltinFunctions.Add(f, "string", ["from"], c => c[0].IsNull ? FeelValue.Null : new FeelString(c[0].ToFeelString()));
        BuiltinFunctions.Add(f, "context", ["entries"], Context);
        BuiltinFunctions.Add(f, "range", ["from"], Range);
        BuiltinFunctions.Add(f, "not", ["negand"], c => c[0] is FeelBoolean b ? FeelBoolean.Of(!b.Value) : FeelValue.Null);
    }

    private static FeelValue Date(Call c) => c[0] switch
    {
        FeelString s => (FeelValue?)FeelDate.TryParse(s.Value) ?? c.Fail($"'{s.Value}' is not a date (YYYY-MM-DD)."),
        FeelDate d => d,
        FeelDateTime dt => dt.Date,
        FeelNull => FeelValue.Null,
        _ => c.Fail("expects a string, date or date and time."),
    };

    private static FeelValue DateOfParts(Call c)
    {
        if (!c.Number(0, out var y) || !c.Number(1, out var m) || !c.Number(2, out var d) || !y.TryGetInt64(out var year) || !m.TryGetInt32(out var month) || !d.TryGetInt32(out var day))
        {
            return c.AnyNull(3) ? FeelValue.Null : c.Fail("expects whole numbers for year, month and day.");
        }

        return FeelDate.TryCreate(year, month, day) ?? c.Fail($"{year}-{month}-{day} is not a date.");
    }

    private static FeelValue DateTime(Call c) => c[0] switch
    {
        FeelString s => FeelDateTime.TryParse(s.Value)
            ?? (FeelDate.TryParse(s.Value) is { } date ? FeelDateTime.TryCreate(date, 0) : null)
            ?? c.Fail($"'{s.Value}' is not a date and time (YYYY-MM-DDThh:mm:ss)."),
        FeelDateTime dt => dt,
        FeelDate d => (FeelValue?)FeelDateTime.TryCreate(d, 0) ?? FeelValue.Null,
        FeelNull => FeelValue.Null,
        _ => c.Fail("expects a string."),
    };

    private static FeelValue DateTimeOfParts(Call c)
    {
        var date = c[0] switch
        {
            FeelDate d => d,
            FeelDateTime dt => dt.Date,
            _ => null,
        };
        if (date is null || c[1] is not FeelTime time)
        {
            return c.AnyNull(2) ? FeelValue.Null : c.Fail("expects a date (or date and time) and a time.");
        }

        return (FeelValue?)FeelDateTime.TryCreate(date, time.NanoOfDay, time.ZoneId is null ? time.Offset : null, time.ZoneId) ?? FeelValue.Null;
    }

    private static FeelValue Time(Call c) => c[0] switch
    {
        FeelString s => FeelTime.TryParse(s.Value)
            ?? (FeelDateTime.TryParse(s.Value) is { } dt ? dt.Time : null)
            ?? c.Fail($"'{s.Value}' is not a time (hh:mm:ss)."),
        FeelTime t => t,
        FeelDateTime dt => dt.ZoneId is not null ? FeelTime.TryCreate(dt.Hour, dt.Minute, dt.Second, dt.Nanosecond, null, dt.ZoneId) ?? dt.Time : dt.Time,
        FeelDate => FeelTime.FromNanoOfDay(0, TimeSpan.Zero),
        FeelNull => FeelValue.Null,
        _ => c.Fail("expects a string, time or date and time."),
    };

    private static FeelValue TimeOfParts(Call c)
    {
        if (!c.Integer(0, out var hour) || !c.Integer(1, out var minute) || !c.Number(2, out var second))
        {
            return c.AnyNull(3) ? FeelValue.Null : c.Fail("expects numbers for hour, minute and second.");
        }

        var whole = second.Floor();
        if (!whole.TryGetInt32(out var s))
        {
            return c.Fail("the second is out of range.");
        }

        var fraction = (second - whole) * 1_000_000_000;
        fraction.Round(0, MidpointRounding.ToEven).TryGetInt32(out var nanos);
        TimeSpan? offset = null;
        if (c[3] is FeelDaysTimeDuration d)
        {
            offset = d.ToTimeSpan();
        }
        else if (!c[3].IsNull)
        {
            return c.Fail("the offset must be a days and time duration.");
        }

        return FeelTime.TryCreate(hour, minute, s, nanos, offset) ?? c.Fail("the time is out of range.");
    }

    private static FeelValue Duration(Call c)
    {
        if (c[0] is FeelDaysTimeDuration or FeelYearsMonthsDuration)
        {
            return c[0];
        }

        if (!c.Text(0, out var text))
        {
            return c[0].IsNull ? FeelValue.Null : c.Fail("expects a string.");
        }

        if (!TemporalText.TryParseDuration(text, out var months, out var nanos, out var hasYm, out var hasDt))
        {
            return c.Fail($"'{text}' is not an ISO 8601 duration (PnYnM or PnDTnHnMnS).");
        }

        if (hasYm && hasDt)
        {
            // A mixed xs:duration has no FEEL type; keep the larger unit when the day-time part is empty.
            return nanos == 0 ? new FeelYearsMonthsDuration(months) : c.Fail($"'{text}' mixes years/months with days/time.");
        }

        return hasYm ? new FeelYearsMonthsDuration(months) : new FeelDaysTimeDuration(nanos);
    }

    private static FeelValue YearsAndMonths(Call c)
    {
        var from = c[0] switch { FeelDate d => (d, 0L), FeelDateTime dt => (dt.Date, dt.NanoOfDay), _ => ((FeelDate?)null, 0L) };
        var to = c[1] switch { FeelDate d => (d, 0L), FeelDateTime dt => (dt.Date, dt.NanoOfDay), _ => ((FeelDate?)null, 0L) };
        if (from.Item1 is null || to.Item1 is null)
        {
            return c.AnyNull(2) ? FeelValue.Null : c.Fail("expects two dates or dates and times.");
        }

        var a = from.Item1;
        var b = to.Item1;
        var months = ((b.Year - a.Year) * 12) + (b.Month - a.Month);

        // Only whole months count: step back when the day (or time) of 'to' has not reached that of 'from'.
        // TCK 1121: only the calendar dates count, not the times of day.
        if (months > 0 && b.Day < a.Day)
        {
            months--;
        }
        else if (months < 0 && b.Day > a.Day)
        {
            months++;
        }

        return new FeelYearsMonthsDuration(months);
    }

    private static FeelValue Number(Call c)
    {
        if (!c.Text(0, out var text))
        {
            return c[0].IsNull ? FeelValue.Null : c.Fail("expects a string.");
        }

        var grouping = c[1] is FeelString g ? g.Value : null;
        var decimalSeparator = c[2] is FeelString d ? d.Value : null;
        if ((!c[1].IsNull && grouping is not (" " or "," or ".")) || (!c[2].IsNull && decimalSeparator is not ("," or ".")) || (grouping is not null && grouping == decimalSeparator))
        {
            return c.Fail("the grouping separator must be ' ', ',' or '.', the decimal separator ',' or '.', and they must differ.");
        }

        if (grouping is not null)
        {
            text = text.Replace(grouping, string.Empty, StringComparison.Ordinal);
        }

        if (decimalSeparator is not null && decimalSeparator != ".")
        {
            if (text.Contains('.', StringComparison.Ordinal))
            {
                return c.Fail($"'{text}' is not a number with decimal separator '{decimalSeparator}'.");
            }

            text = text.Replace(decimalSeparator, ".", StringComparison.Ordinal);
        }

        return FeelDecimal.TryParse(text) is { } number && !text.Contains(' ', StringComparison.Ordinal) ? FeelNumber.Of(number) : c.Fail($"'{text}' is not a number.");
    }

    private static FeelValue Range(Call c)
    {
        // DMN 1.5 §10.3.4.1: range("[1..10)") reads a range literal (or a unary comparison such as "< 5") from text.
        if (!c.Text(0, out var text))
        {
            return c[0].IsNull ? FeelValue.Null : c.Fail("expects a string holding a range literal.");
        }

        var compiled = FeelCompiler.CompileExpression(text);
        var value = compiled.Value?.Evaluate(new Evaluation.FeelEvaluationContext(Evaluation.FeelScope.Empty));
        return value is FeelRange range ? range : c.Fail($"'{text}' is not a range literal such as \"[1..10)\" or \"> 5\".");
    }

    private static FeelValue Context(Call c)
    {
        if (c[0] is not FeelList entries)
        {
            return c[0] is FeelContext single ? Context(new Call(c.Context, "context", [FeelList.Of(single)], 1)) : c[0].IsNull ? FeelValue.Null : c.Fail("expects a list of {key, value} contexts.");
        }

        var result = new List<KeyValuePair<string, FeelValue>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry is not FeelContext e || e["key"] is not FeelString key || !e.ContainsKey("value"))
            {
                return c.Fail("every entry must be a context with a string 'key' and a 'value'.");
            }

            if (!seen.Add(key.Value))
            {
                return c.Fail($"the key '{key.Value}' appears twice.");
            }

            result.Add(new(key.Value, e["value"]));
        }

        return FeelContext.Create(result);
    }
}
