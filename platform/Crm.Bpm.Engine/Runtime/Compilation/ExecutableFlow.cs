using Crm.Bpm.Engine.Runtime.Expressions;

namespace Crm.Bpm.Engine.Runtime.Compilation;

/// <summary>A sequence flow with its ends resolved to nodes and its condition compiled.</summary>
public sealed class ExecutableFlow
{
    internal ExecutableFlow(int index, string id, ExecutableNode source, ExecutableNode target)
    {
        Index = index;
        Id = id;
        Source = source;
        Target = target;
        AsArray = [this];
    }

    /// <summary>This flow alone, so that taking one flow allocates nothing.</summary>
    internal ExecutableFlow[] AsArray { get; }

    /// <summary>The flow's position among the process's flows.</summary>
    public int Index { get; }

    public string Id { get; }

    public ExecutableNode Source { get; }

    public ExecutableNode Target { get; }

    /// <summary>The FEEL condition, or null for an unconditional flow.</summary>
    public CompiledExpression? Condition { get; internal set; }

    /// <summary>Whether this is its source's default flow.</summary>
    public bool IsDefault { get; internal set; }

    /// <summary>The join counter this flow feeds in its scope, or -1 when its target does not join.</summary>
    public int JoinSlot { get; internal set; } = -1;

    /// <inheritdoc/>
    public override string ToString() => Id;
}
