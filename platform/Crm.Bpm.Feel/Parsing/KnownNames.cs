namespace Crm.Bpm.Feel.Parsing;

/// <summary>Names with spaces or operator characters that the lexer reads as one name, matched longest first with flexible whitespace.</summary>
internal sealed class KnownNames
{
    private readonly Dictionary<char, List<string[]>> _byFirstChar = [];

    public KnownNames(IEnumerable<string> names)
    {
        foreach (var raw in names.Distinct(StringComparer.Ordinal))
        {
            var name = Lexer.NormalizeSpaces(raw);
            if (name.Length == 0 || !NeedsKnowing(name))
            {
                continue;
            }

            var words = name.Split(' ');
            if (!_byFirstChar.TryGetValue(name[0], out var list))
            {
                list = [];
                _byFirstChar[name[0]] = list;
            }

            list.Add(words);
        }

        foreach (var list in _byFirstChar.Values)
        {
            list.Sort((a, b) => string.Join(' ', b).Length.CompareTo(string.Join(' ', a).Length));
        }
    }

    /// <summary>The length of the longest known name at <paramref name="start"/>, or 0.</summary>
    public int LongestMatch(string text, int start)
    {
        if (!_byFirstChar.TryGetValue(text[start], out var candidates))
        {
            return 0;
        }

        var best = 0;
        foreach (var words in candidates)
        {
            var at = start;
            var ok = true;
            for (var w = 0; w < words.Length && ok; w++)
            {
                if (w > 0)
                {
                    var spaceStart = at;
                    while (at < text.Length && char.IsWhiteSpace(text[at]))
                    {
                        at++;
                    }

                    if (at == spaceStart)
                    {
                        ok = false;
                        break;
                    }
                }

                var word = words[w];
                if (at + word.Length > text.Length || string.CompareOrdinal(text, at, word, 0, word.Length) != 0)
                {
                    ok = false;
                    break;
                }

                at += word.Length;
            }

            if (ok && at - start > best)
            {
                best = at - start;
            }
        }

        return best;
    }

    private static bool NeedsKnowing(string name) => name.Any(ch => !Lexer.IsNamePart(ch)) || char.IsDigit(name[0]);
}
