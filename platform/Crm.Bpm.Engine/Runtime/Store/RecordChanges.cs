namespace Crm.Bpm.Engine.Runtime.Store;

/// <summary>The rows of one collection that a command added, changed (the new row) or deleted (null), by key.</summary>
public sealed class RecordChanges<T>
    where T : class, IKeyedRecord
{
    private readonly Dictionary<long, T?> _changes = [];

    /// <summary>The changed rows by key; a null value means the row is deleted.</summary>
    public IReadOnlyDictionary<long, T?> Items => _changes;

    public int Count => _changes.Count;

    /// <summary>Adds or replaces a row.</summary>
    public void Put(T record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _changes[record.Key] = record;
    }

    /// <summary>Deletes the row with the key.</summary>
    public void Delete(long key) => _changes[key] = null;

    /// <summary>Whether the command touched the row, and its new value (null when deleted).</summary>
    public bool TryGet(long key, out T? record) => _changes.TryGetValue(key, out record);

    public void Clear() => _changes.Clear();

    /// <summary>The stored rows with this command's changes applied, for rows matching <paramref name="match"/>.</summary>
    public List<T> Merge(IEnumerable<T> stored, Func<T, bool> match)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(match);
        var result = new List<T>();
        foreach (var row in stored)
        {
            if (!_changes.ContainsKey(row.Key))
            {
                result.Add(row);
            }
        }

        foreach (var row in _changes.Values)
        {
            if (row is not null && match(row))
            {
                result.Add(row);
            }
        }

        return result;
    }
}
