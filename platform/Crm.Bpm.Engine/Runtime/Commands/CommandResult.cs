using Crm.Bpm.Engine.Runtime.Events;
using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Runtime.Commands;

/// <summary>What a command did: refused with an error, or ran until every path waits, with the instances it changed and the events it produced.</summary>
public sealed class CommandResult
{
    private static readonly IReadOnlyList<EngineEvent> NoEvents = [];
    private static readonly IReadOnlyList<ProcessInstance> NoInstances = [];

    internal CommandResult(CommandError error)
    {
        Error = error;
        Events = NoEvents;
        Instances = NoInstances;
    }

    internal CommandResult(ProcessInstance? instance, IReadOnlyList<ProcessInstance> instances, IReadOnlyList<EngineEvent>? events, int correlations, bool buffered)
    {
        Instance = instance;
        Instances = instances;
        Events = events ?? NoEvents;
        Correlations = correlations;
        Buffered = buffered;
    }

    /// <summary>Whether the command ran; false when it was refused (see <see cref="Error"/>) and nothing changed.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Why the command was refused, or null.</summary>
    public CommandError? Error { get; }

    /// <summary>The instance the command started or acted on, as committed, or null.</summary>
    public ProcessInstance? Instance { get; }

    /// <summary>The key of <see cref="Instance"/>, or 0.</summary>
    public long ProcessInstanceKey => Instance?.Key ?? 0;

    /// <summary>Every instance the command changed or created, as committed.</summary>
    public IReadOnlyList<ProcessInstance> Instances { get; }

    /// <summary>What happened, in order; empty when the engine does not record events.</summary>
    public IReadOnlyList<EngineEvent> Events { get; }

    /// <summary>For a message, signal or timer command: how many waiting events or start events it triggered.</summary>
    public int Correlations { get; }

    /// <summary>For a message: whether it found no subscription and was buffered for its time to live.</summary>
    public bool Buffered { get; }

    /// <inheritdoc/>
    public override string ToString() => Succeeded ? $"ok: {Instance}" : $"refused: {Error}";
}
