namespace Crm.Bpm.Engine.Runtime.Compilation;

/// <summary>The nodes one process, sub-process or event sub-process contains, with what the runtime needs to start and join in it.</summary>
public sealed class ExecutableScope
{
    private ulong[][] _reach = [];

    internal ExecutableScope(ExecutableNode owner)
    {
        Owner = owner;
    }

    /// <summary>The process or sub-process node that opens this scope.</summary>
    public ExecutableNode Owner { get; }

    /// <summary>The scope's own nodes (not those of nested scopes).</summary>
    public ExecutableNode[] Nodes { get; internal set; } = [];

    /// <summary>The none start event where a plain activation begins, or null.</summary>
    public ExecutableNode? NoneStart { get; internal set; }

    /// <summary>The start events of the event sub-processes directly in this scope.</summary>
    public ExecutableNode[] EventSubProcessStarts { get; internal set; } = [];

    /// <summary>How many join counters an instance of this scope needs.</summary>
    public int JoinSlotCount { get; internal set; }

    /// <summary>Whether an inclusive gateway joins in this scope.</summary>
    public bool HasInclusiveJoin { get; internal set; }

    /// <summary>Catching link events by link name.</summary>
    public IReadOnlyDictionary<string, ExecutableNode> LinkTargets { get; internal set; } = new Dictionary<string, ExecutableNode>(0);

    /// <summary>Whether a token at <paramref name="from"/> can still arrive at <paramref name="to"/> along sequence flows of this scope (BPMN 2.0.2 §13.4.1, used by the inclusive join).</summary>
    public bool CanReach(ExecutableNode from, ExecutableNode to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var bits = _reach[from.LocalIndex];
        return (bits[to.LocalIndex >> 6] & (1UL << (to.LocalIndex & 63))) != 0;
    }

    internal void ComputeReachability()
    {
        var n = Nodes.Length;
        var words = (n + 63) >> 6;
        _reach = new ulong[n][];
        for (var i = 0; i < n; i++)
        {
            var bits = new ulong[Math.Max(words, 1)];
            var stack = new Stack<ExecutableNode>();
            stack.Push(Nodes[i]);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                foreach (var next in Successors(node))
                {
                    if (next.FlowScope != this)
                    {
                        continue;
                    }

                    var bit = 1UL << (next.LocalIndex & 63);
                    if ((bits[next.LocalIndex >> 6] & bit) == 0)
                    {
                        bits[next.LocalIndex >> 6] |= bit;
                        stack.Push(next);
                    }
                }
            }

            _reach[i] = bits;
        }
    }

    private static IEnumerable<ExecutableNode> Successors(ExecutableNode node)
    {
        foreach (var flow in node.Outgoing)
        {
            yield return flow.Target;
        }

        foreach (var boundary in node.Boundaries)
        {
            yield return boundary;
        }

        if (node.Kind == Compilation.NodeKind.IntermediateThrowEvent && node.Event == EventKind.Link
            && node.LinkName is { } link && node.FlowScope is { } scope && scope.LinkTargets.TryGetValue(link, out var target))
        {
            yield return target;
        }
    }
}
