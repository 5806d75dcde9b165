namespace Crm.Bpm.Feel.Values;

/// <summary>The language's equality and ordering (DMN 1.5 §10.3.2.2 and table 53).</summary>
internal static class FeelSemantics
{
    public static bool? AreEqual(FeelValue left, FeelValue right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.IsNull || right.IsNull)
        {
            return left.IsNull && right.IsNull;
        }

        switch (left)
        {
            case FeelNumber a when right is FeelNumber b:
                return a.Value == b.Value;
            case FeelString a when right is FeelString b:
                return string.Equals(a.Value, b.Value, StringComparison.Ordinal);
            case FeelBoolean a when right is FeelBoolean b:
                return a.Value == b.Value;
            case FeelList a when right is FeelList b:
                return ListsEqual(a, b);
            case FeelContext a when right is FeelContext b:
                return ContextsEqual(a, b);
            case FeelRange a when right is FeelRange b:
                return a.Equals(b);
            case FeelFunction:
                return right is FeelFunction ? ReferenceEquals(left, right) : null;
            default:
                var c = Compare(left, right);
                return c is null ? null : c == 0;
        }
    }

    public static int? Compare(FeelValue left, FeelValue right)
    {
        switch (left)
        {
            case FeelNumber a when right is FeelNumber b:
                return a.Value.CompareTo(b.Value);
            case FeelString a when right is FeelString b:
                return Math.Sign(string.CompareOrdinal(a.Value, b.Value));
            case FeelDate a when right is FeelDate b:
                return a.EpochDay.CompareTo(b.EpochDay);
            case FeelDateTime a when right is FeelDateTime b:
                // §10.3.2.3.6: valuedt; a date and time without zone is compared on its own timeline only with another local one.
                // The TCK (0068) compares at millisecond precision: 00:00:00.0001 = 00:00:00.0000.
                return a.HasZone || b.HasZone
                    ? Millis(a.InstantNanos).CompareTo(Millis(b.InstantNanos))
                    : Millis(a.LocalNanos).CompareTo(Millis(b.LocalNanos));
            case FeelTime a when right is FeelTime b:
                if (a.HasZone && b.HasZone)
                {
                    return Millis(TimeInstant(a)).CompareTo(Millis(TimeInstant(b)));
                }

                return Millis(a.NanoOfDay).CompareTo(Millis(b.NanoOfDay));
            case FeelDaysTimeDuration a when right is FeelDaysTimeDuration b:
                return a.TotalNanoseconds.CompareTo(b.TotalNanoseconds);
            case FeelYearsMonthsDuration a when right is FeelYearsMonthsDuration b:
                return a.TotalMonths.CompareTo(b.TotalMonths);
            case FeelBoolean a when right is FeelBoolean b:
                return a.Value == b.Value ? 0 : null;
            default:
                return null;
        }
    }

    private static Int128 Millis(Int128 nanos) => nanos >= 0 ? nanos / 1_000_000 : ((nanos + 1) / 1_000_000) - 1;

    private static long TimeInstant(FeelTime time) => time.NanoOfDay - ((time.Offset ?? TimeSpan.Zero).Ticks * 100);

    private static bool? ListsEqual(FeelList a, FeelList b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        var result = (bool?)true;
        for (var i = 0; i < a.Count; i++)
        {
            var e = AreEqual(a[i], b[i]);
            if (e == false)
            {
                return false;
            }

            if (e is null)
            {
                result = null;
            }
        }

        return result;
    }

    private static bool? ContextsEqual(FeelContext a, FeelContext b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        var result = (bool?)true;
        foreach (var entry in a.Entries)
        {
            if (!b.TryGetValue(entry.Key, out var other))
            {
                return false;
            }

            var e = AreEqual(entry.Value, other);
            if (e == false)
            {
                return false;
            }

            if (e is null)
            {
                result = null;
            }
        }

        return result;
    }
}
