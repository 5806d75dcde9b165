using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Tables;

/// <summary>
/// Narrows the rules worth testing by one input column whose entries are all string literals or <c>-</c>: an input
/// string can only match the rules naming it or having <c>-</c>, and any other input only the <c>-</c> rules.
/// </summary>
/// <remarks>The candidates keep rule order, and every candidate is still tested in full, so hit policies see exactly the same matches.</remarks>
internal sealed class RuleIndex
{
    private readonly int _column;
    private readonly Dictionary<string, CompiledRule[]> _byString;
    private readonly CompiledRule[] _anyOnly;

    private RuleIndex(int column, Dictionary<string, CompiledRule[]> byString, CompiledRule[] anyOnly)
    {
        _column = column;
        _byString = byString;
        _anyOnly = anyOnly;
    }

    /// <summary>An index over the first column that allows one and narrows the rules; null when no column does.</summary>
    public static RuleIndex? TryBuild(CompiledRule[] rules)
    {
        if (rules.Length < 8)
        {
            return null;
        }

        var columns = rules[0].InputEntries.Length;
        for (var column = 0; column < columns; column++)
        {
            if (!rules.All(r => r.InputEntries[column].IsAny || r.InputEntries[column].StringLiterals is not null)
                || rules.All(r => r.InputEntries[column].IsAny))
            {
                continue;
            }

            var keys = rules.Where(r => !r.InputEntries[column].IsAny).SelectMany(r => r.InputEntries[column].StringLiterals!).Distinct(StringComparer.Ordinal);
            var byString = keys.ToDictionary(
                key => key,
                key => rules.Where(r => r.InputEntries[column].IsAny || r.InputEntries[column].StringLiterals!.Contains(key, StringComparer.Ordinal)).ToArray(),
                StringComparer.Ordinal);
            return new RuleIndex(column, byString, rules.Where(r => r.InputEntries[column].IsAny).ToArray());
        }

        return null;
    }

    public CompiledRule[] Candidates(FeelValue[] values) =>
        values[_column] is FeelString s && _byString.TryGetValue(s.Value, out var rules) ? rules : _anyOnly;
}
