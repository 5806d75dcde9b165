using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Compilation;

namespace Crm.Bpm.Engine.Runtime.Instances;

/// <summary>One live run of a flow node in a process instance: a node of the execution tree with its own variable scope.</summary>
/// <remarks>
/// A committed element instance is never changed: each command works on a copy of the process instance and the
/// store swaps the copy in when the command succeeds, so an object read from a result stays as it was.
/// </remarks>
public sealed class ElementInstance
{
    internal ElementInstance(long key, ExecutableNode node, ElementInstance? parent, ElementRole role)
    {
        Key = key;
        Node = node;
        Parent = parent;
        Role = role;
    }

    /// <summary>The unique key of this run.</summary>
    public long Key { get; }

    public ExecutableNode Node { get; internal set; }

    /// <summary>The element instance whose scope contains this one; null for the process instance's root.</summary>
    public ElementInstance? Parent { get; internal set; }

    public ElementRole Role { get; }

    public ElementState State { get; internal set; }

    public string ElementId => Node.Id;

    /// <summary>The local variables of this scope, or null when it has none.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Variables => LocalVariables;

    internal Dictionary<string, JsonElement>? LocalVariables { get; set; }

    /// <summary>Tokens alive in this scope: child instances, queued activations and tokens waiting at joins.</summary>
    internal int Tokens { get; set; }

    /// <summary>Tokens waiting at the joins of this scope, one counter per incoming flow of each join.</summary>
    internal int[]? JoinCounts { get; set; }

    /// <summary>Bumped when the scope is cleared (terminate end event, interrupting event sub-process) so queued work for the old tokens is dropped.</summary>
    internal int Epoch { get; set; }

    /// <summary>The job, user task or child process instance this element waits for, or 0.</summary>
    public long WaitKey { get; internal set; }

    /// <summary>The open incident on this element, or 0.</summary>
    public long IncidentKey { get; internal set; }

    /// <summary>Timers and subscriptions this instance owns (its catch event, its boundary events, its event sub-processes).</summary>
    internal List<OwnedSubscription>? Owned { get; set; }

    /// <summary>For an inner instance: its position (0-based) in the loop; for a body: how many inner instances were started.</summary>
    internal int LoopIndex { get; set; }

    /// <summary>For a multi-instance body: the items of the input collection.</summary>
    internal JsonElement Items { get; set; }

    /// <summary>For a multi-instance body: how many items there are.</summary>
    internal int ItemCount { get; set; }

    internal int CompletedCount { get; set; }

    internal int TerminatedCount { get; set; }

    /// <summary>Whether an interrupting event sub-process has started in this scope.</summary>
    internal bool Interrupted { get; set; }

    /// <summary>Completed activities of this scope that can be compensated, in completion order.</summary>
    internal List<CompensationEntry>? Compensable { get; set; }

    /// <summary>For a compensation throw event: the handlers still to run, next first.</summary>
    internal List<CompensationEntry>? CompensationQueue { get; set; }

    /// <summary>For a compensation handler: the throw event instance waiting for it.</summary>
    internal long CompensationThrowerKey { get; set; }

    /// <summary>For a throw event waiting for a job: the payload is already thrown.</summary>
    internal bool IsTriggered { get; set; }

    internal bool IsLive => State is not (ElementState.Completed or ElementState.Terminated);

    internal ElementInstance CloneShallow()
    {
        var copy = (ElementInstance)MemberwiseClone();
        copy.LocalVariables = LocalVariables is null ? null : new Dictionary<string, JsonElement>(LocalVariables, StringComparer.Ordinal);
        copy.JoinCounts = JoinCounts is null ? null : (int[])JoinCounts.Clone();
        copy.Owned = Owned is null ? null : [.. Owned];
        copy.Compensable = Compensable is null ? null : [.. Compensable];
        copy.CompensationQueue = CompensationQueue is null ? null : [.. CompensationQueue];
        return copy;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Node.Id}#{Key} ({State})";
}
