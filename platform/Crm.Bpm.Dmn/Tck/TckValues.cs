using Crm.Bpm.Feel.Numbers;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Tck;

/// <summary>Turns TCK test values into FEEL values and compares results with expected values as the TCK prescribes.</summary>
public static class TckValues
{
    private static readonly FeelDecimal ComparisonPrecision = FeelDecimal.Parse("0.00000001");

    /// <summary>The FEEL value a TCK input value stands for; text that does not parse as its XML Schema type is null.</summary>
    public static FeelValue ToFeel(TckValue value) => value switch
    {
        TckSimple simple => Simple(simple),
        TckList list => new FeelList(list.Items.Select(ToFeel)),
        TckComponents components => FeelContext.Create(components.Components.Select(c => new KeyValuePair<string, FeelValue>(c.Key, ToFeel(c.Value)))),
        _ => FeelValue.Null,
    };

    /// <summary>Whether <paramref name="actual"/> matches <paramref name="expected"/>; when not, <paramref name="difference"/> says where.</summary>
    /// <remarks>
    /// Numbers compare by value as decimals, equal when within 1e-8 of each other, strings exactly,
    /// dates, times and durations by value, lists element by element, components by name (with no extra entries), nil only with null.
    /// </remarks>
    public static bool Matches(TckValue expected, FeelValue actual, out string difference)
    {
        difference = "";
        switch (expected)
        {
            case TckNil:
                if (actual.IsNull)
                {
                    return true;
                }

                difference = $"expected null but got {Show(actual)}";
                return false;

            case TckSimple simple:
                return MatchesSimple(simple, actual, out difference);

            case TckList list:
                if (actual is not FeelList actualList)
                {
                    difference = $"expected a list of {list.Items.Count} but got {Show(actual)}";
                    return false;
                }

                if (actualList.Count != list.Items.Count)
                {
                    difference = $"expected a list of {list.Items.Count} but got {actualList.Count} items: {Show(actual)}";
                    return false;
                }

                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (!Matches(list.Items[i], actualList[i], out var inner))
                    {
                        difference = $"item {i + 1}: {inner}";
                        return false;
                    }
                }

                return true;

            case TckComponents components:
                if (actual is not FeelContext context)
                {
                    difference = $"expected a context with {string.Join(", ", components.Components.Select(c => c.Key))} but got {Show(actual)}";
                    return false;
                }

                foreach (var (name, value) in components.Components)
                {
                    if (!context.TryGetValue(name, out var entry))
                    {
                        difference = $"the result has no entry '{name}': {Show(actual)}";
                        return false;
                    }

                    if (!Matches(value, entry, out var inner))
                    {
                        difference = $"entry '{name}': {inner}";
                        return false;
                    }
                }

                var extra = context.Keys.Where(k => components.Components.All(c => c.Key != k)).ToList();
                if (extra.Count > 0)
                {
                    difference = $"the result has unexpected entries {string.Join(", ", extra.Select(e => $"'{e}'"))}";
                    return false;
                }

                return true;

            default:
                difference = "the expected value is missing";
                return false;
        }
    }

    private static bool MatchesSimple(TckSimple expected, FeelValue actual, out string difference)
    {
        difference = "";
        var expectedValue = Simple(expected);
        bool same;
        if (expectedValue is FeelNumber number && actual is FeelNumber actualNumber)
        {
            same = number.Value.CompareTo(actualNumber.Value) == 0 || CloseEnough(number.Value, actualNumber.Value);
        }
        else if (expectedValue is FeelString text)
        {
            same = actual is FeelString s && string.Equals(s.Value, text.Value, StringComparison.Ordinal);
        }
        else
        {
            same = !expectedValue.IsNull && (expectedValue.Equals(actual) || FeelValue.FeelEquals(expectedValue, actual) == true);
        }

        if (!same)
        {
            difference = $"expected {Show(expectedValue)} but got {Show(actual)}";
        }

        return same;
    }

    private static bool CloseEnough(FeelDecimal expected, FeelDecimal actual)
    {
        // Several TCK expectations were computed in double precision or printed with fewer digits (0008-LX-arithmetic
        // expects 562.707359373292 where the exact value is 562.70735937326592...). As vendor TCK runners do, numbers
        // within 1e-8 of each other are equal.
        var difference = FeelDecimal.Add(expected, actual.Negate());
        return difference is { } d && d.Abs().CompareTo(ComparisonPrecision) < 0;
    }

    private static FeelValue Simple(TckSimple simple)
    {
        var text = simple.Text.Trim();
        FeelValue? value = simple.XsdType switch
        {
            "decimal" or "double" or "float" or "integer" or "int" or "long" or "short" =>
                FeelDecimal.TryParse(text) is { } d ? FeelNumber.Of(d) : ParseSpecialDouble(text),
            "boolean" => text switch
            {
                "true" or "1" => FeelBoolean.True,
                "false" or "0" => FeelBoolean.False,
                _ => null,
            },
            "date" => FeelDate.TryParse(text),
            "time" => FeelTime.TryParse(text),
            "dateTime" => FeelDateTime.TryParse(text),
            "duration" or "dayTimeDuration" or "yearMonthDuration" => (FeelValue?)FeelYearsMonthsDuration.TryParse(text) ?? FeelDaysTimeDuration.TryParse(text),
            _ => new FeelString(simple.Text),
        };
        return value ?? FeelValue.Null;
    }

    private static FeelNumber? ParseSpecialDouble(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            ? FeelNumber.Of(FeelDecimal.FromDouble(d))
            : null;

    private static string Show(FeelValue value)
    {
        var text = value.ToFeelLiteral();
        return text.Length <= 200 ? text : text[..197] + "...";
    }
}
