namespace Crm.Bpm.Engine.ProcessTests.Reading;

/// <summary>Finds the known word closest to a misspelt one, for "did you mean" hints.</summary>
internal static class Suggestions
{
    /// <summary>" Did you mean 'x'?" when a known word is close enough, otherwise empty.</summary>
    public static string DidYouMean(string written, IEnumerable<string> known)
    {
        var best = known
            .Select(k => (Word: k, Distance: Distance(written.ToUpperInvariant(), k.ToUpperInvariant())))
            .OrderBy(x => x.Distance)
            .FirstOrDefault();
        return best.Word is not null && best.Distance <= Math.Max(2, written.Length / 3) ? $" Did you mean '{best.Word}'?" : "";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
