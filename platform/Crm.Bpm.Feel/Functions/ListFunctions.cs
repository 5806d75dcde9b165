using Crm.Bpm.Feel.Compilation;
using Crm.Bpm.Feel.Numbers;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Functions;

/// <summary>List functions (DMN 1.5 §10.3.4.4).</summary>
internal static class ListFunctions
{
    public static void Register(Dictionary<string, BuiltinFunction> f)
    {
        BuiltinFunctions.Add(f, "list contains", ["list", "element"], c => c[0] is FeelList l ? FeelBoolean.Of(l.Any(i => FeelValue.FeelEquals(i, c[1]) == true)) : NullOr(c, 1, "expects a list."));
        BuiltinFunctions.Add(f, "count", ["list"], c => c[0] is FeelList l ? FeelNumber.Of(l.Count) : NullOr(c, 1, "expects a list."));
        BuiltinFunctions.Add(f, "min", ["list"], c => Extreme(c, -1), required: 1, variadic: true);
        BuiltinFunctions.Add(f, "max", ["list"], c => Extreme(c, 1), required: 1, variadic: true);
        BuiltinFunctions.Add(f, "sum", ["list"], Sum, required: 1, variadic: true);
        BuiltinFunctions.Add(f, "product", ["list"], Product, required: 1, variadic: true);
        BuiltinFunctions.Add(f, "mean", ["list"], Mean, required: 1, variadic: true);
        BuiltinFunctions.Add(f, "median", ["list"], Median, required: 1, variadic: true);
        BuiltinFunctions.Add(f, "stddev", ["list"], Stddev, required: 1, variadic: true);
        BuiltinFunctions.Add(f, "mode", ["list"], Mode, required: 1, variadic: true);
        BuiltinFunctions.Add(f, "all", ["list"], c => Logical(c, all: true), required: 1, variadic: true);
        BuiltinFunctions.Add(f, "any", ["list"], c => Logical(c, all: false), required: 1, variadic: true);
        BuiltinFunctions.Add(f, "sublist", ["list", "start position", "length"], Sublist, required: 2);
        BuiltinFunctions.Add(f, "append", ["list", "item"], c => c[0] is FeelList l ? new FeelList(l.Concat(c.Arguments.Skip(1).Take(c.Given - 1))) : NullOr(c, 1, "expects a list."), required: 1, variadic: true);
        BuiltinFunctions.Add(f, "concatenate", ["list"], Concatenate, required: 0, variadic: true);
        BuiltinFunctions.Add(f, "insert before", ["list", "position", "newItem"], InsertBefore);
        BuiltinFunctions.Add(f, "remove", ["list", "position"], Remove);
        BuiltinFunctions.Add(f, "reverse", ["list"], c => c[0] is FeelList l ? new FeelList(l.Reverse()) : NullOr(c, 1, "expects a list."));
        BuiltinFunctions.Add(f, "index of", ["list", "match"], c => c[0] is FeelList l
            ? new FeelList(l.Select((item, i) => (item, i)).Where(x => FeelValue.FeelEquals(x.item, c[1]) == true).Select(x => (FeelValue)FeelNumber.Of(x.i + 1)))
            : NullOr(c, 1, "expects a list."));
        BuiltinFunctions.Add(f, "union", ["list"], c => Concatenate(c) is FeelList all ? Distinct(all) : FeelValue.Null, required: 0, variadic: true);
        BuiltinFunctions.Add(f, "distinct values", ["list"], c => c[0] is FeelList l ? Distinct(l) : NullOr(c, 1, "expects a list."));
        BuiltinFunctions.Add(f, "duplicate values", ["list"], Duplicates);
        BuiltinFunctions.Add(f, "flatten", ["list"], c => c[0] is FeelList l ? new FeelList(Flatten(l)) : NullOr(c, 1, "expects a list."));
        BuiltinFunctions.Add(f, "sort", ["list", "precedes"], Sort, required: 1);
        BuiltinFunctions.Add(f, "list replace", ["list", "position", "newItem"], Replace);
        BuiltinFunctions.Add(f, "list replace", ["list", "match", "newItem"], Replace);
    }

    private static FeelValue NullOr(Call c, int count, string message) => c.AnyNull(count) ? FeelValue.Null : c.Fail(message);

    private static FeelValue Extreme(Call c, int direction)
    {
        var items = c.Items();
        if (items.Count == 0)
        {
            return FeelValue.Null;
        }

        var best = items[0];
        foreach (var item in items.Skip(1))
        {
            var order = FeelValue.FeelCompare(item, best);
            if (order is null)
            {
                return c.Fail("the items cannot be compared with each other.");
            }

            if (order * direction > 0)
            {
                best = item;
            }
        }

        return FeelValue.FeelCompare(best, best) is null ? c.Fail("the items cannot be compared.") : best;
    }

    private static bool Numbers(Call c, out FeelDecimal[] numbers)
    {
        var items = c.Items();
        numbers = new FeelDecimal[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not FeelNumber n)
            {
                return false;
            }

            numbers[i] = n.Value;
        }

        return true;
    }

    private static FeelValue Sum(Call c)
    {
        var items = c.Items();
        if (items.Count > 0 && items.All(i => i is FeelDaysTimeDuration or FeelYearsMonthsDuration))
        {
            return items.Skip(1).Aggregate(items[0], (a, b) => Arithmetic.Add(c.Context, a, b));
        }

        if (!Numbers(c, out var numbers))
        {
            return c.Fail("every item must be a number.");
        }

        if (numbers.Length == 0)
        {
            return FeelValue.Null;
        }

        FeelDecimal? total = FeelDecimal.Zero;
        foreach (var n in numbers)
        {
            total = total is { } t ? FeelDecimal.Add(t, n) : null;
        }

        return Arithmetic.Number(c.Context, total);
    }

    private static FeelValue Product(Call c)
    {
        if (!Numbers(c, out var numbers))
        {
            return c.Fail("every item must be a number.");
        }

        if (numbers.Length == 0)
        {
            return FeelValue.Null;
        }

        FeelDecimal? total = FeelDecimal.One;
        foreach (var n in numbers)
        {
            total = total is { } t ? FeelDecimal.Multiply(t, n) : null;
        }

        return Arithmetic.Number(c.Context, total);
    }

    private static FeelValue Mean(Call c)
    {
        if (!Numbers(c, out var numbers))
        {
            return c.Fail("every item must be a number.");
        }

        if (numbers.Length == 0)
        {
            return FeelValue.Null;
        }

        var total = numbers.Aggregate(FeelDecimal.Zero, (a, b) => a + b);
        return Arithmetic.Number(c.Context, FeelDecimal.Divide(total, numbers.Length));
    }

    private static FeelValue Median(Call c)
    {
        if (!Numbers(c, out var numbers))
        {
            return c.Fail("every item must be a number.");
        }

        if (numbers.Length == 0)
        {
            return FeelValue.Null;
        }

        Array.Sort(numbers);
        var middle = numbers.Length / 2;
        return numbers.Length % 2 == 1
            ? FeelNumber.Of(numbers[middle])
            : Arithmetic.Number(c.Context, FeelDecimal.Divide(numbers[middle - 1] + numbers[middle], 2));
    }

    private static FeelValue Stddev(Call c)
    {
        if (!Numbers(c, out var numbers))
        {
            return c.Fail("every item must be a number.");
        }

        if (numbers.Length < 2)
        {
            return numbers.Length == 0 ? FeelValue.Null : c.Fail("needs at least two numbers (sample standard deviation).");
        }

        var mean = FeelDecimal.Divide(numbers.Aggregate(FeelDecimal.Zero, (a, b) => a + b), numbers.Length)!.Value;
        var squares = numbers.Aggregate(FeelDecimal.Zero, (acc, n) => acc + ((n - mean) * (n - mean)));
        var variance = FeelDecimal.Divide(squares, numbers.Length - 1)!.Value;
        return FeelNumber.Of(NumericFunctions.SquareRoot(variance));
    }

    private static FeelValue Mode(Call c)
    {
        var items = c.Items();
        if (items.Any(i => i.IsNull))
        {
            return c.Fail("the items must not be null.");
        }

        if (items.Count == 0)
        {
            return FeelList.Empty;
        }

        var counts = new Dictionary<FeelValue, int>();
        foreach (var item in items)
        {
            counts[item] = counts.GetValueOrDefault(item) + 1;
        }

        var most = counts.Values.Max();
        var modes = counts.Where(e => e.Value == most).Select(e => e.Key).ToList();
        if (modes.Any(m => FeelValue.FeelCompare(m, modes[0]) is null))
        {
            return c.Fail("the items cannot be compared.");
        }

        modes.Sort((a, b) => FeelValue.FeelCompare(a, b) ?? 0);
        return new FeelList(modes);
    }

    private static FeelValue Logical(Call c, bool all)
    {
        if (c.Given == 1 && c[0] is not FeelList && c[0] is not FeelBoolean)
        {
            return c[0].IsNull ? FeelValue.Null : c.Fail("expects a list of booleans.");
        }

        var items = c.Items();
        var sawOther = false;
        foreach (var item in items)
        {
            if (item is FeelBoolean b)
            {
                if (b.Value != all)
                {
                    return FeelBoolean.Of(!all);
                }
            }
            else
            {
                sawOther = true;
            }
        }

        return sawOther ? FeelValue.Null : FeelBoolean.Of(all);
    }

    private static FeelValue Sublist(Call c)
    {
        if (c[0] is not FeelList list || !c.Position(1, out var start) || (c.Given > 2 && !c.Position(2, out _)))
        {
            return NullOr(c, c.Given, "expects a list, a start position and an optional length.");
        }

        if (start == 0 || Math.Abs(start) > list.Count)
        {
            return c.Fail($"start position {start} is outside the list.");
        }

        var from = start > 0 ? start - 1 : list.Count + start;
        var length = list.Count - from;
        if (c.Given > 2 && c.Position(2, out var requested))
        {
            if (requested < 0 || from + requested > list.Count)
            {
                return c.Fail($"length {requested} runs past the end of the list.");
            }

            length = requested;
        }

        return new FeelList(list.Skip(from).Take(length));
    }

    private static FeelValue Concatenate(Call c)
    {
        var result = new List<FeelValue>();
        for (var i = 0; i < c.Given; i++)
        {
            if (c[i] is not FeelList list)
            {
                return c.Fail("every argument must be a list.");
            }

            result.AddRange(list);
        }

        return new FeelList(result);
    }

    private static FeelValue InsertBefore(Call c)
    {
        if (c[0] is not FeelList list || !c.Position(1, out var position))
        {
            return NullOr(c, 2, "expects a list, a position and a new item.");
        }

        if (position == 0 || Math.Abs(position) > list.Count)
        {
            return c.Fail($"position {position} is outside the list.");
        }

        var at = position > 0 ? position - 1 : list.Count + position;
        var items = list.ToList();
        items.Insert(at, c[2]);
        return new FeelList(items);
    }

    private static FeelValue Remove(Call c)
    {
        if (c[0] is not FeelList list || !c.Position(1, out var position))
        {
            return NullOr(c, 2, "expects a list and a position.");
        }

        if (position == 0 || Math.Abs(position) > list.Count)
        {
            return c.Fail($"position {position} is outside the list.");
        }

        var at = position > 0 ? position - 1 : list.Count + position;
        var items = list.ToList();
        items.RemoveAt(at);
        return new FeelList(items);
    }

    private static FeelList Distinct(FeelList list)
    {
        var result = new List<FeelValue>();
        foreach (var item in list)
        {
            if (!result.Any(r => FeelValue.FeelEquals(r, item) == true))
            {
                result.Add(item);
            }
        }

        return new FeelList(result);
    }

    private static FeelValue Duplicates(Call c)
    {
        if (c[0] is not FeelList list)
        {
            return NullOr(c, 1, "expects a list.");
        }

        var result = new List<FeelValue>();
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            if (list.Skip(i + 1).Any(o => FeelValue.FeelEquals(o, item) == true) && !result.Any(r => FeelValue.FeelEquals(r, item) == true))
            {
                result.Add(item);
            }
        }

        return new FeelList(result);
    }

    private static IEnumerable<FeelValue> Flatten(FeelList list) =>
        list.SelectMany(item => item is FeelList inner ? Flatten(inner) : [item]);

    private static FeelValue Sort(Call c)
    {
        if (c[0] is not FeelList list)
        {
            return NullOr(c, 1, "expects a list.");
        }

        var failed = false;
        Comparison<FeelValue> comparison;
        if (c[1] is FeelFunction precedes)
        {
            comparison = (a, b) =>
            {
                if (ReferenceEquals(a, b))
                {
                    return 0;
                }

                var before = precedes.Invoke(c.Context, [a, b]);
                if (before is FeelBoolean { Value: true })
                {
                    return -1;
                }

                if (before is not FeelBoolean)
                {
                    failed = true;
                    return 0;
                }

                return precedes.Invoke(c.Context, [b, a]) is FeelBoolean { Value: true } ? 1 : 0;
            };
        }
        else if (c[1].IsNull)
        {
            comparison = (a, b) =>
            {
                var order = FeelValue.FeelCompare(a, b);
                failed |= order is null;
                return order ?? 0;
            };
        }
        else
        {
            return c.Fail("precedes must be a function.");
        }

        // A stable merge sort keeps equal items in their order, and never calls the function on an item with itself.
        var sorted = list.Order(Comparer<FeelValue>.Create(comparison)).ToList();
        return failed ? c.Fail("the items cannot be ordered.") : new FeelList(sorted);
    }

    private static FeelValue Replace(Call c)
    {
        if (c.ListOrSingleton(0) is not { } list)
        {
            return NullOr(c, 1, "expects a list.");
        }

        var items = list.ToList();
        if (c[1] is FeelNumber && c.Position(1, out var position))
        {
            if (position == 0 || Math.Abs(position) > list.Count)
            {
                return c.Fail($"position {position} is outside the list.");
            }

            items[position > 0 ? position - 1 : list.Count + position] = c[2];
            return new FeelList(items);
        }

        if (c[1] is FeelFunction match)
        {
            if (match.Parameters.Count != 2)
            {
                return c.Fail("the match function must take two parameters (item, newItem).");
            }

            for (var i = 0; i < items.Count; i++)
            {
                switch (match.Invoke(c.Context, [items[i], c[2]]))
                {
                    case FeelBoolean { Value: true }:
                        items[i] = c[2];
                        break;
                    case FeelBoolean:
                        break;
                    default:
                        return c.Fail("the match function must return true or false.");
                }
            }

            return new FeelList(items);
        }

        return c.Fail("the second argument must be a position or a match function.");
    }
}
