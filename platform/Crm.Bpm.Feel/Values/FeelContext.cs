using System.Diagnostics.CodeAnalysis;

namespace Crm.Bpm.Feel.Values;

/// <summary>A FEEL context: ordered entries from names (which may contain spaces) to values (DMN 1.5 §10.3.2.9.3).</summary>
/// <remarks>Immutable; <see cref="With"/> returns a new context. A key given twice keeps its first position and the last value.</remarks>
public sealed class FeelContext : FeelValue
{
    private readonly KeyValuePair<string, FeelValue>[] _entries;
    private Dictionary<string, int>? _index;

    private FeelContext(KeyValuePair<string, FeelValue>[] entries)
    {
        _entries = entries;
    }

    /// <summary>The context with no entries.</summary>
    public static FeelContext Empty { get; } = new([]);

    /// <summary>The entries in order.</summary>
    public IReadOnlyList<KeyValuePair<string, FeelValue>> Entries => _entries;

    /// <summary>The keys in order.</summary>
    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    /// <summary>The number of entries.</summary>
    public int Count => _entries.Length;

    /// <inheritdoc />
    public override FeelValueKind Kind => FeelValueKind.Context;

    /// <summary>A context of the given entries in order.</summary>
    public static FeelContext Create(IEnumerable<KeyValuePair<string, FeelValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = new List<KeyValuePair<string, FeelValue>>();
        Dictionary<string, int>? seen = null;
        foreach (var entry in entries)
        {
            seen ??= new Dictionary<string, int>(StringComparer.Ordinal);
            if (seen.TryGetValue(entry.Key, out var at))
            {
                list[at] = entry;
            }
            else
            {
                seen[entry.Key] = list.Count;
                list.Add(entry);
            }
        }

        return list.Count == 0 ? Empty : new FeelContext(list.ToArray());
    }

    /// <summary>A context of name/value pairs.</summary>
    public static FeelContext Of(params (string Name, FeelValue Value)[] entries) =>
        Create(entries.Select(e => new KeyValuePair<string, FeelValue>(e.Name, e.Value)));

    /// <summary>Whether the context has an entry named <paramref name="key"/>.</summary>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>The value of the entry named <paramref name="key"/>.</summary>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out FeelValue value)
    {
        var at = IndexOf(key);
        if (at < 0)
        {
            value = null;
            return false;
        }

        value = _entries[at].Value;
        return true;
    }

    /// <summary>The value of <paramref name="key"/>, or FEEL null when absent.</summary>
    public FeelValue this[string key] => TryGetValue(key, out var value) ? value : Null;

    /// <summary>A copy with <paramref name="key"/> set to <paramref name="value"/> (replacing in place, or appended).</summary>
    public FeelContext With(string key, FeelValue value)
    {
        var at = IndexOf(key);
        KeyValuePair<string, FeelValue>[] copy;
        if (at >= 0)
        {
            copy = (KeyValuePair<string, FeelValue>[])_entries.Clone();
            copy[at] = new(key, value);
        }
        else
        {
            copy = new KeyValuePair<string, FeelValue>[_entries.Length + 1];
            _entries.CopyTo(copy, 0);
            copy[^1] = new(key, value);
        }

        return new FeelContext(copy);
    }

    /// <inheritdoc />
    public override string ToFeelString() =>
        "{" + string.Join(", ", _entries.Select(e => FormatKey(e.Key) + ": " + e.Value.ToFeelLiteral())) + "}";

    /// <inheritdoc />
    public override bool Equals(FeelValue? other)
    {
        if (other is not FeelContext c || c._entries.Length != _entries.Length)
        {
            return false;
        }

        foreach (var entry in _entries)
        {
            if (!c.TryGetValue(entry.Key, out var value) || !value.Equals(entry.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var entry in _entries)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(entry.Key), entry.Value);
        }

        return hash;
    }

    private int IndexOf(string key)
    {
        if (_entries.Length <= 8)
        {
            for (var i = 0; i < _entries.Length; i++)
            {
                if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        var index = _index;
        if (index is null)
        {
            index = new Dictionary<string, int>(_entries.Length, StringComparer.Ordinal);
            for (var i = 0; i < _entries.Length; i++)
            {
                index[_entries[i].Key] = i;
            }

            _index = index;
        }

        return index.TryGetValue(key, out var at) ? at : -1;
    }

    private static string FormatKey(string key) =>
        key.Length > 0 && key.All(ch => char.IsLetterOrDigit(ch) || ch == '_' || ch == '?') && !char.IsDigit(key[0])
            ? key
            : new FeelString(key).ToFeelLiteral();
}
