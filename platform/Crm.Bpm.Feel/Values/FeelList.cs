using System.Collections;

namespace Crm.Bpm.Feel.Values;

/// <summary>A FEEL list: an ordered, immutable sequence of values (DMN 1.5 §10.3.2.9.2).</summary>
public sealed class FeelList : FeelValue, IReadOnlyList<FeelValue>
{
    private readonly FeelValue[] _items;

    public FeelList(IEnumerable<FeelValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items.ToArray();
    }

    private FeelList(FeelValue[] items)
    {
        _items = items;
    }

    /// <summary>The empty list.</summary>
    public static FeelList Empty { get; } = new(Array.Empty<FeelValue>());

    /// <summary>The elements.</summary>
    public IReadOnlyList<FeelValue> Items => _items;

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public override FeelValueKind Kind => FeelValueKind.List;

    /// <inheritdoc />
    public FeelValue this[int index] => _items[index];

    /// <summary>A list of the given values.</summary>
    public static FeelList Of(params FeelValue[] items) => new((FeelValue[])items.Clone());

    /// <summary>Wraps an array the caller will never change again.</summary>
    internal static FeelList Wrap(FeelValue[] items) => items.Length == 0 ? Empty : new FeelList(items);

    /// <inheritdoc />
    public IEnumerator<FeelValue> GetEnumerator() => ((IEnumerable<FeelValue>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc />
    public override string ToFeelString() => "[" + string.Join(", ", _items.Select(i => i.ToFeelLiteral())) + "]";

    /// <inheritdoc />
    public override bool Equals(FeelValue? other) => other is FeelList l && l._items.AsSpan().SequenceEqual(_items);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
