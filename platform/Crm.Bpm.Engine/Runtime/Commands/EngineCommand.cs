namespace Crm.Bpm.Engine.Runtime.Commands;

/// <summary>A command the engine runs as one unit of work: load, run every path until it waits, commit; or refuse and change nothing.</summary>
public abstract record EngineCommand
{
    /// <summary>Variables the command carries (JSON elements or nodes, strings, numbers, booleans, null, lists, dictionaries).</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>Side effects the store runs inside the command's commit, or null; they happen exactly when the command's changes are committed.</summary>
    public IReadOnlyList<Store.ICommitEffect>? Effects { get; init; }
}
