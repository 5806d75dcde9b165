using System.Collections;
using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model;

/// <summary>A list of elements kept verbatim, each parsed into an <see cref="XElement"/> only when it is read.</summary>
internal sealed class VerbatimElementList : IReadOnlyList<XElement>
{
    private readonly List<VerbatimElement> _items = [];

    public int Count => _items.Count;

    public XElement this[int index] => _items[index].Element;

    public void Add(VerbatimElement item) => _items.Add(item);

    public IEnumerator<XElement> GetEnumerator()
    {
        foreach (var item in _items)
        {
            yield return item.Element;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
