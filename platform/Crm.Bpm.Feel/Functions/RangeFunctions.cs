using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Functions;

/// <summary>Range functions (DMN 1.5 §10.3.4.9, after Allen's interval algebra), on points and ranges with open, closed or unbounded ends.</summary>
internal static class RangeFunctions
{
    public static void Register(Dictionary<string, BuiltinFunction> f)
    {
        Add(f, "before", [["point1", "point2"], ["point", "range"], ["range", "point"], ["range1", "range2"]], Before);
        Add(f, "after", [["point1", "point2"], ["point", "range"], ["range", "point"], ["range1", "range2"]], (a, b) => Before(b, a));
        Add(f, "meets", [["range1", "range2"]], (a, b) => a.EndIncluded && b.StartIncluded && Eq(a.End, b.Start, false, true));
        Add(f, "met by", [["range1", "range2"]], (a, b) => a.StartIncluded && b.EndIncluded && Eq(a.Start, b.End, true, false));
        Add(f, "overlaps", [["range1", "range2"]], Overlaps);
        Add(f, "overlaps before", [["range1", "range2"]], OverlapsBefore);
        Add(f, "overlaps after", [["range1", "range2"]], (a, b) => OverlapsBefore(b, a));
        Add(f, "finishes", [["point", "range"], ["range1", "range2"]], Finishes);
        Add(f, "finished by", [["range", "point"], ["range1", "range2"]], (a, b) => Finishes(b, a));
        Add(f, "includes", [["range", "point"], ["range1", "range2"]], Includes);
        Add(f, "during", [["point", "range"], ["range1", "range2"]], (a, b) => Includes(b, a));
        Add(f, "starts", [["point", "range"], ["range1", "range2"]], Starts);
        Add(f, "started by", [["range", "point"], ["range1", "range2"]], (a, b) => Starts(b, a));
        Add(f, "coincides", [["point1", "point2"], ["range1", "range2"]], (a, b) =>
            Eq(a.Start, b.Start, true, true) && a.StartIncluded == b.StartIncluded && Eq(a.End, b.End, false, false) && a.EndIncluded == b.EndIncluded);
    }

    private static void Add(Dictionary<string, BuiltinFunction> f, string name, string[][] signatures, Func<Interval, Interval, bool> test)
    {
        // Every signature shares one body: the argument types (point or range) decide, the names only bind.
        foreach (var parameters in signatures)
        {
            BuiltinFunctions.Add(f, name, parameters, c => Apply(c, signatures, test));
        }
    }

    private static FeelValue Apply(Call c, string[][] signatures, Func<Interval, Interval, bool> test)
    {
        if (c.AnyNull(2))
        {
            return FeelValue.Null;
        }

        var shape = (c[0] is FeelRange, c[1] is FeelRange);
        var allowed = signatures.Any(s => (s[0].StartsWith("range", StringComparison.Ordinal), s[1].StartsWith("range", StringComparison.Ordinal)) == shape);
        if (!allowed)
        {
            return c.Fail($"takes {string.Join(" or ", signatures.Select(s => "(" + string.Join(", ", s) + ")"))}.");
        }

        var a = Interval.Of(c[0]);
        var b = Interval.Of(c[1]);
        if (!a.ComparableWith(b))
        {
            return c.Fail("the points and ranges are of types that cannot be compared.");
        }

        return FeelBoolean.Of(test(a, b));
    }

    private static bool Before(Interval a, Interval b) =>
        Lt(a.End, b.Start, false, true) || (Eq(a.End, b.Start, false, true) && (!a.EndIncluded || !b.StartIncluded));

    private static bool Overlaps(Interval a, Interval b) =>
        (Gt(a.End, b.Start, false, true) || (Eq(a.End, b.Start, false, true) && a.EndIncluded && b.StartIncluded)) &&
        (Lt(a.Start, b.End, true, false) || (Eq(a.Start, b.End, true, false) && a.StartIncluded && b.EndIncluded));

    private static bool OverlapsBefore(Interval a, Interval b) =>
        (Lt(a.Start, b.Start, true, true) || (Eq(a.Start, b.Start, true, true) && a.StartIncluded && !b.StartIncluded)) &&
        (Gt(a.End, b.Start, false, true) || (Eq(a.End, b.Start, false, true) && a.EndIncluded && b.StartIncluded)) &&
        (Lt(a.End, b.End, false, false) || (Eq(a.End, b.End, false, false) && (!a.EndIncluded || b.EndIncluded)));

    private static bool Finishes(Interval a, Interval b)
    {
        if (a.IsPoint)
        {
            return b.EndIncluded && Eq(b.End, a.Start, false, true);
        }

        return a.EndIncluded == b.EndIncluded && Eq(a.End, b.End, false, false) &&
            (Gt(a.Start, b.Start, true, true) || (Eq(a.Start, b.Start, true, true) && (!a.StartIncluded || b.StartIncluded)));
    }

    private static bool Includes(Interval a, Interval b)
    {
        if (b.IsPoint)
        {
            var p = b.Start;
            return (Lt(a.Start, p, true, true) && Gt(a.End, p, false, true)) || (Eq(a.Start, p, true, true) && a.StartIncluded) || (Eq(a.End, p, false, true) && a.EndIncluded);
        }

        return (Lt(a.Start, b.Start, true, true) || (Eq(a.Start, b.Start, true, true) && (a.StartIncluded || !b.StartIncluded))) &&
            (Gt(a.End, b.End, false, false) || (Eq(a.End, b.End, false, false) && (a.EndIncluded || !b.EndIncluded)));
    }

    private static bool Starts(Interval a, Interval b)
    {
        if (a.IsPoint)
        {
            return b.StartIncluded && Eq(b.Start, a.Start, true, true);
        }

        return Eq(a.Start, b.Start, true, true) && a.StartIncluded == b.StartIncluded &&
            (Lt(a.End, b.End, false, false) || (Eq(a.End, b.End, false, false) && (!a.EndIncluded || b.EndIncluded)));
    }

    // Endpoint comparisons where null is unbounded: -infinity for a start, +infinity for an end.
    private static int Cmp(FeelValue? x, FeelValue? y, bool xIsStart, bool yIsStart)
    {
        if (x is null || y is null)
        {
            var xv = x is null ? (xIsStart ? -1 : 1) : 0;
            var yv = y is null ? (yIsStart ? -1 : 1) : 0;
            return xv.CompareTo(yv);
        }

        return FeelValue.FeelCompare(x, y) ?? 0;
    }

    private static bool Lt(FeelValue? x, FeelValue? y, bool xs, bool ys) => Cmp(x, y, xs, ys) < 0;

    private static bool Gt(FeelValue? x, FeelValue? y, bool xs, bool ys) => Cmp(x, y, xs, ys) > 0;

    private static bool Eq(FeelValue? x, FeelValue? y, bool xs, bool ys) => Cmp(x, y, xs, ys) == 0;

    /// <summary>A point (start = end, both included) or a range.</summary>
    private sealed record Interval(FeelValue? Start, bool StartIncluded, FeelValue? End, bool EndIncluded, bool IsPoint)
    {
        public static Interval Of(FeelValue value) => value is FeelRange r
            ? new Interval(r.Start, r.StartIncluded, r.End, r.EndIncluded, false)
            : new Interval(value, true, value, true, true);

        public bool ComparableWith(Interval other)
        {
            var mine = Start ?? End;
            var theirs = other.Start ?? other.End;
            return mine is null || theirs is null || FeelValue.FeelCompare(mine, theirs) is not null;
        }
    }
}
