using System.Text.RegularExpressions;
using Crm.Bpm.Feel.Numbers;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Tables;

/// <summary>
/// Compiles the input entries most tables use (string and number literals, comparisons with a number, number
/// intervals, and lists of these) straight to value comparisons, so a rule test costs no FEEL scope; any other text is left to FEEL.
/// </summary>
/// <remarks>
/// Each form means exactly what FEEL's unary tests mean (DMN 1.5 §10.3.2.11): a literal matches an equal value of its
/// own type, a comparison or interval matches a number in it, and a value of another type (or null) matches nothing.
/// </remarks>
internal static partial class LiteralUnaryTests
{
    /// <summary>A test for <paramref name="text"/> when every part of it is a simple literal form; null otherwise.</summary>
    public static Func<FeelValue, bool>? TryCompile(string text)
    {
        var parts = SplitTopLevel(text);
        if (parts is null || parts.Count == 0)
        {
            return null;
        }

        var tests = new List<Func<FeelValue, bool>>(parts.Count);
        foreach (var part in parts)
        {
            var test = Single(part.Trim());
            if (test is null)
            {
                return null;
            }

            tests.Add(test);
        }

        if (tests.Count == 1)
        {
            return tests[0];
        }

        var all = tests.ToArray();
        return input =>
        {
            foreach (var test in all)
            {
                if (test(input))
                {
                    return true;
                }
            }

            return false;
        };
    }

    private static Func<FeelValue, bool>? Single(string part)
    {
        if (part.Length >= 2 && part[0] == '"' && part[^1] == '"')
        {
            var literal = part[1..^1];
            if (literal.Contains('"', StringComparison.Ordinal) || literal.Contains('\\', StringComparison.Ordinal))
            {
                return null;
            }

            return input => input is FeelString s && string.Equals(s.Value, literal, StringComparison.Ordinal);
        }

        if (Number(part) is { } number)
        {
            return input => input is FeelNumber n && n.Value.CompareTo(number) == 0;
        }

        var comparison = ComparisonPattern().Match(part);
        if (comparison.Success && Number(comparison.Groups[2].Value) is { } bound)
        {
            return comparison.Groups[1].Value switch
            {
                "<" => input => input is FeelNumber n && n.Value.CompareTo(bound) < 0,
                "<=" => input => input is FeelNumber n && n.Value.CompareTo(bound) <= 0,
                ">" => input => input is FeelNumber n && n.Value.CompareTo(bound) > 0,
                _ => input => input is FeelNumber n && n.Value.CompareTo(bound) >= 0,
            };
        }

        var interval = IntervalPattern().Match(part);
        if (interval.Success && Number(interval.Groups[2].Value) is { } low && Number(interval.Groups[3].Value) is { } high)
        {
            // '[' includes the start; '(' and ']' exclude it. ']' includes the end; ')' and '[' exclude it.
            var lowIncluded = interval.Groups[1].Value == "[";
            var highIncluded = interval.Groups[4].Value == "]";
            return input =>
            {
                if (input is not FeelNumber n)
                {
                    return false;
                }

                var fromLow = n.Value.CompareTo(low);
                var fromHigh = n.Value.CompareTo(high);
                return (lowIncluded ? fromLow >= 0 : fromLow > 0) && (highIncluded ? fromHigh <= 0 : fromHigh < 0);
            };
        }

        return null;
    }

    private static FeelDecimal? Number(string text) =>
        NumberPattern().IsMatch(text) ? FeelDecimal.TryParse(text.Trim()) : null;

    /// <summary>The strings of tests made only of plain string literals (<c>"a", "b"</c>); null for any other test.</summary>
    public static IReadOnlyList<string>? StringLiterals(string text)
    {
        var parts = SplitTopLevel(text);
        if (parts is null)
        {
            return null;
        }

        var strings = new List<string>(parts.Count);
        foreach (var raw in parts)
        {
            var part = raw.Trim();
            if (part.Length < 2 || part[0] != '"' || part[^1] != '"' || part.IndexOfAny(['"', '\\'], 1, part.Length - 2) >= 0)
            {
                return null;
            }

            strings.Add(part[1..^1]);
        }

        return strings;
    }

    /// <summary>Splits at commas outside string literals; null when a quote is left open.</summary>
    private static List<string>? SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var start = 0;
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                inString = !inString;
            }
            else if (c == ',' && !inString)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        if (inString)
        {
            return null;
        }

        parts.Add(text[start..]);
        return parts;
    }

    [GeneratedRegex(@"^\s*-?\d+(\.\d+)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(<=|>=|<|>)\s*(-?\d+(?:\.\d+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex ComparisonPattern();

    [GeneratedRegex(@"^([\[\(\]])\s*(-?\d+(?:\.\d+)?)\s*\.\.\s*(-?\d+(?:\.\d+)?)\s*([\]\)\[])$", RegexOptions.CultureInvariant)]
    private static partial Regex IntervalPattern();
}
