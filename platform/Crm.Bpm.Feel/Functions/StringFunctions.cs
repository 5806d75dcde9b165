using System.Text;
using System.Text.RegularExpressions;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Functions;

/// <summary>String functions (DMN 1.5 §10.3.4.3); positions and lengths count Unicode code points, patterns are XPath regular expressions.</summary>
internal static class StringFunctions
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static void Register(Dictionary<string, BuiltinFunction> f)
    {
        BuiltinFunctions.Add(f, "substring", ["string", "start position", "length"], Substring, required: 2);
        BuiltinFunctions.Add(f, "string length", ["string"], c => c.Text(0, out var s) ? FeelNumber.Of(CodePoints(s).Length) : NullOr(c, "expects a string."));
        BuiltinFunctions.Add(f, "upper case", ["string"], c => c.Text(0, out var s) ? new FeelString(s.ToUpperInvariant()) : NullOr(c, "expects a string."));
        BuiltinFunctions.Add(f, "lower case", ["string"], c => c.Text(0, out var s) ? new FeelString(s.ToLowerInvariant()) : NullOr(c, "expects a string."));
        BuiltinFunctions.Add(f, "substring before", ["string", "match"], c => TwoStrings(c, (s, m) => new FeelString(s.IndexOf(m, StringComparison.Ordinal) is var i and >= 0 ? s[..i] : string.Empty)));
        BuiltinFunctions.Add(f, "substring after", ["string", "match"], c => TwoStrings(c, (s, m) => new FeelString(s.IndexOf(m, StringComparison.Ordinal) is var i and >= 0 ? s[(i + m.Length)..] : string.Empty)));
        BuiltinFunctions.Add(f, "contains", ["string", "match"], c => TwoStrings(c, (s, m) => FeelBoolean.Of(s.Contains(m, StringComparison.Ordinal))));
        BuiltinFunctions.Add(f, "starts with", ["string", "match"], c => TwoStrings(c, (s, m) => FeelBoolean.Of(s.StartsWith(m, StringComparison.Ordinal))));
        BuiltinFunctions.Add(f, "ends with", ["string", "match"], c => TwoStrings(c, (s, m) => FeelBoolean.Of(s.EndsWith(m, StringComparison.Ordinal))));
        BuiltinFunctions.Add(f, "matches", ["input", "pattern", "flags"], Matches, required: 2);
        BuiltinFunctions.Add(f, "replace", ["input", "pattern", "replacement", "flags"], Replace, required: 3);
        BuiltinFunctions.Add(f, "split", ["string", "delimiter"], Split);
        BuiltinFunctions.Add(f, "string join", ["list", "delimiter"], Join, required: 1);
    }

    private static FeelValue NullOr(Call c, string message) => c.AnyNull(c.Given) ? FeelValue.Null : c.Fail(message);

    private static FeelValue TwoStrings(Call c, Func<string, string, FeelValue> body) =>
        c.Text(0, out var s) && c.Text(1, out var m) ? body(s, m) : NullOr(c, "expects two strings.");

    internal static string[] CodePoints(string s)
    {
        var points = new List<string>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                points.Add(s.Substring(i, 2));
                i++;
            }
            else
            {
                points.Add(s[i].ToString());
            }
        }

        return points.ToArray();
    }

    private static FeelValue Substring(Call c)
    {
        if (!c.Text(0, out var s) || !c.Number(1, out var startNumber) || (c.Given > 2 && !c.Number(2, out _)))
        {
            return NullOr(c, "expects a string, a start position and an optional length.");
        }

        var points = CodePoints(s);
        if (!startNumber.Truncate().TryGetInt32(out var start) || start == 0 || Math.Abs(start) > points.Length)
        {
            return start == 0 ? c.Fail("the start position must not be 0.") : c.Fail($"start position {startNumber} is outside the string.");
        }

        var from = start > 0 ? start - 1 : points.Length + start;
        var length = points.Length - from;
        if (c.Given > 2 && c.Number(2, out var lengthNumber))
        {
            if (!lengthNumber.Truncate().TryGetInt32(out var requested) || requested < 0)
            {
                return c.Fail("the length must be a non-negative number.");
            }

            length = Math.Min(length, requested);
        }

        return new FeelString(string.Concat(points.Skip(from).Take(length)));
    }

    internal static Regex? BuildRegex(Call c, string pattern, FeelValue flagsValue)
    {
        var options = RegexOptions.CultureInvariant;
        var flags = flagsValue as FeelString;
        if (flags is null && !flagsValue.IsNull)
        {
            c.Fail("the flags must be a string.");
            return null;
        }

        foreach (var flag in flags?.Value ?? string.Empty)
        {
            switch (flag)
            {
                case 'i':
                    options |= RegexOptions.IgnoreCase;
                    break;
                case 'm':
                    options |= RegexOptions.Multiline;
                    break;
                case 's':
                    options |= RegexOptions.Singleline;
                    break;
                case 'x':
                    options |= RegexOptions.IgnorePatternWhitespace;
                    break;
                case 'q':
                    pattern = Regex.Escape(pattern);
                    break;
                default:
                    c.Fail($"unknown regular expression flag '{flag}' (use s, m, i, x or q).");
                    return null;
            }
        }

        try
        {
            // XPath character class subtraction [a-z-[aeiou]] is .NET syntax too; \p{Is...} blocks differ only in name.
            return new Regex(pattern, options, RegexTimeout);
        }
        catch (ArgumentException ex)
        {
            c.Fail($"'{pattern}' is not a valid regular expression: {ex.Message}");
            return null;
        }
    }

    private static FeelValue Matches(Call c)
    {
        if (!c.Text(0, out var input) || !c.Text(1, out var pattern))
        {
            return NullOr(c, "expects an input string and a pattern.");
        }

        var regex = BuildRegex(c, pattern, c[2]);
        if (regex is null)
        {
            return FeelValue.Null;
        }

        try
        {
            return FeelBoolean.Of(regex.IsMatch(input));
        }
        catch (RegexMatchTimeoutException)
        {
            return c.Fail("the pattern took too long to match.");
        }
    }

    private static FeelValue Replace(Call c)
    {
        if (!c.Text(0, out var input) || !c.Text(1, out var pattern) || !c.Text(2, out var replacement))
        {
            return NullOr(c, "expects an input string, a pattern and a replacement.");
        }

        var regex = BuildRegex(c, pattern, c[3]);
        if (regex is null)
        {
            return FeelValue.Null;
        }

        var literal = c[3] is FeelString flags && flags.Value.Contains('q', StringComparison.Ordinal);
        try
        {
            if (regex.IsMatch(string.Empty))
            {
                return c.Fail("the pattern matches the empty string (XPath fn:replace forbids that).");
            }

            return new FeelString(regex.Replace(input, literal ? replacement.Replace("$", "$$", StringComparison.Ordinal) : XPathReplacement(replacement)));
        }
        catch (RegexMatchTimeoutException)
        {
            return c.Fail("the pattern took too long to match.");
        }
    }

    private static string XPathReplacement(string replacement)
    {
        // XPath: \$ and \\ are escapes, $n is a group; .NET: $$ is a literal dollar.
        var text = new StringBuilder();
        for (var i = 0; i < replacement.Length; i++)
        {
            var ch = replacement[i];
            if (ch == '\\' && i + 1 < replacement.Length)
            {
                var next = replacement[++i];
                text.Append(next == '$' ? "$$" : next.ToString());
            }
            else if (ch == '$' && i + 1 < replacement.Length && char.IsAsciiDigit(replacement[i + 1]))
            {
                var j = i + 1;
                while (j < replacement.Length && char.IsAsciiDigit(replacement[j]))
                {
                    j++;
                }

                text.Append("${").Append(replacement, i + 1, j - i - 1).Append('}');
                i = j - 1;
            }
            else
            {
                text.Append(ch);
            }
        }

        return text.ToString();
    }

    private static FeelValue Split(Call c)
    {
        if (!c.Text(0, out var input) || !c.Text(1, out var delimiter))
        {
            return NullOr(c, "expects a string and a delimiter pattern.");
        }

        var regex = BuildRegex(c, delimiter, FeelValue.Null);
        if (regex is null)
        {
            return FeelValue.Null;
        }

        return new FeelList(regex.Split(input).Select(p => (FeelValue)new FeelString(p)));
    }

    private static FeelValue Join(Call c)
    {
        // DMN 1.5 §10.3.2.9.4: a single value where a list is expected is a singleton list.
        var list = c[0] as FeelList ?? (c[0] is FeelString single ? FeelList.Of(single) : null);
        if (list is null)
        {
            return NullOr(c, "expects a list of strings.");
        }

        var delimiter = c[1] is FeelString d ? d.Value : string.Empty;
        if (!c[1].IsNull && c[1] is not FeelString)
        {
            return c.Fail("the delimiter must be a string.");
        }

        var parts = new List<string>();
        foreach (var item in list)
        {
            switch (item)
            {
                case FeelString s:
                    parts.Add(s.Value);
                    break;
                case FeelNull:
                    break;
                default:
                    return c.Fail("every item must be a string.");
            }
        }

        return new FeelString(string.Join(delimiter, parts));
    }
}
