namespace Crm.Bpm.Engine.Runtime.Compilation;

/// <summary>A deployed process compiled once into an executable graph, shared by all of its instances.</summary>
public sealed class ExecutableProcess
{
    private readonly Dictionary<string, ExecutableNode> _byId;

    internal ExecutableProcess(string bpmnProcessId, ExecutableNode processNode, ExecutableNode[] nodes, ExecutableFlow[] flows)
    {
        BpmnProcessId = bpmnProcessId;
        ProcessNode = processNode;
        Nodes = nodes;
        Flows = flows;
        _byId = new Dictionary<string, ExecutableNode>(nodes.Length, StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            _byId.TryAdd(node.Id, node);
        }
    }

    /// <summary>The process id from the model (<c>process/@id</c>).</summary>
    public string BpmnProcessId { get; }

    public string? Name { get; internal set; }

    /// <summary>The unique key of this deployed version.</summary>
    public long Key { get; internal set; }

    /// <summary>The version, counting deployments of the same process id from 1.</summary>
    public int Version { get; internal set; }

    /// <summary>The resource (file) the process came from.</summary>
    public string? ResourceName { get; internal set; }

    /// <summary>The node that stands for the process itself; its inner scope is the process's top level.</summary>
    public ExecutableNode ProcessNode { get; }

    public ExecutableScope RootScope => ProcessNode.InnerScope!;

    /// <summary>Every node, the process node first.</summary>
    public ExecutableNode[] Nodes { get; }

    public ExecutableFlow[] Flows { get; }

    /// <summary>Top-level start events with a message definition.</summary>
    public ExecutableNode[] MessageStarts { get; internal set; } = [];

    /// <summary>Top-level start events with a timer definition.</summary>
    public ExecutableNode[] TimerStarts { get; internal set; } = [];

    /// <summary>Top-level start events with a signal definition.</summary>
    public ExecutableNode[] SignalStarts { get; internal set; } = [];

    /// <summary>The node with the given element id, or null.</summary>
    public ExecutableNode? FindNode(string elementId) => _byId.GetValueOrDefault(elementId);

    /// <inheritdoc/>
    public override string ToString() => $"{BpmnProcessId} v{Version}";
}
