namespace Crm.Bpm.Engine.Xml;

/// <summary>The scanner's table of atomized names: one string instance per distinct name, looked up from source spans without allocating.</summary>
/// <remarks>
/// Each entry also carries the namespace its text is bound to when used as a prefix, so resolving a prefix is one lookup
/// (the scanner saves and restores the binding as elements open and close).
/// </remarks>
internal sealed class XmlNames
{
    private Entry?[] _buckets = new Entry?[256];
    private int _count;

    /// <summary>How many names the table holds.</summary>
    public int Count => _count;

    /// <summary>How many characters its names hold together.</summary>
    public long Characters { get; private set; }

    public Entry Get(ReadOnlySpan<char> name)
    {
        var hash = Hash(name);
        var bucket = hash & (_buckets.Length - 1);
        for (var e = _buckets[bucket]; e is not null; e = e.Next)
        {
            if (e.Hash == hash && name.SequenceEqual(e.Text))
            {
                return e;
            }
        }

        var entry = new Entry(new string(name), hash) { Next = _buckets[bucket] };
        Characters += name.Length;
        _buckets[bucket] = entry;
        if (++_count > _buckets.Length)
        {
            Grow();
        }

        return entry;
    }

    public string Add(string name) => Get(name).Text;

    private void Grow()
    {
        var buckets = new Entry?[_buckets.Length * 2];
        foreach (var head in _buckets)
        {
            for (var e = head; e is not null;)
            {
                var next = e.Next;
                var bucket = e.Hash & (buckets.Length - 1);
                e.Next = buckets[bucket];
                buckets[bucket] = e;
                e = next;
            }
        }

        _buckets = buckets;
    }

    private static int Hash(ReadOnlySpan<char> name)
    {
        // Names are short and come from one document; a simple multiplicative hash is enough and cheap.
        uint h = 2166136261;
        foreach (var c in name)
        {
            h = (h ^ c) * 16777619;
        }

        return (int)(h & 0x7FFFFFFF);
    }

    /// <summary>One atomized name and, when used as a prefix, the namespace it is bound to in the current scope.</summary>
    internal sealed class Entry(string text, int hash)
    {
        public string Text { get; } = text;

        public int Hash { get; } = hash;

        public Entry? Next { get; set; }

        /// <summary>The namespace this prefix is bound to where the scanner stands; null when unbound.</summary>
        public string? Uri { get; set; }
    }
}
