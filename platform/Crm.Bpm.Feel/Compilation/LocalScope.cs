using System.Diagnostics.CodeAnalysis;
using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Compilation;

/// <summary>A scope with one name bound (an iteration variable, <c>item</c>, the unary-test input <c>?</c>), cheaper than a dictionary.</summary>
internal sealed class LocalScope(FeelScope parent, string name, FeelValue value, FeelContext? entries = null) : FeelScope(parent)
{
    public override IEnumerable<string> OwnNames => entries is null ? [name] : entries.Keys.Append(name);

    protected override bool TryGetOwnValue(string key, [MaybeNullWhen(false)] out FeelValue result)
    {
        // DMN 1.5 §10.3.2.5: in a filter, the item's own entries come before the name 'item'.
        if (entries is not null && entries.TryGetValue(key, out result))
        {
            return true;
        }

        if (string.Equals(key, name, StringComparison.Ordinal))
        {
            result = value;
            return true;
        }

        result = null;
        return false;
    }
}
