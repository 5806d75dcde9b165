namespace Crm.Bpm.Engine.Runtime.History;

/// <summary>Where the history events the engine commits can be read back and, after their time to live, removed.</summary>
public interface IHistoryStore
{
    /// <summary>The events matching the query, by key.</summary>
    IReadOnlyList<HistoryEvent> QueryHistory(HistoryQuery query);

    /// <summary>Removes the whole history of every instance that ended before <paramref name="endedBefore"/>; returns how many events went.</summary>
    int DeleteHistory(DateTimeOffset endedBefore);
}
