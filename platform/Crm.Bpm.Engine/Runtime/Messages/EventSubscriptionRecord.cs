using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Engine.Runtime.Messages;

/// <summary>An open wait for a message (by name and correlation key) or a signal (by name).</summary>
public sealed record EventSubscriptionRecord : IKeyedRecord
{
    public required long Key { get; init; }

    public required SubscriptionKind Kind { get; init; }

    /// <summary>The message or signal name.</summary>
    public required string Name { get; init; }

    /// <summary>The correlation key a message must carry; null for signals and start events.</summary>
    public string? CorrelationKey { get; init; }

    /// <summary>The waiting instance, or 0 for a start event.</summary>
    public long ProcessInstanceKey { get; init; }

    /// <summary>The element instance that owns the subscription, or 0 for a start event.</summary>
    public long ElementInstanceKey { get; init; }

    /// <summary>The catch event (or receive task) the subscription triggers.</summary>
    public required string ElementId { get; init; }

    public required string BpmnProcessId { get; init; }

    public required long ProcessDefinitionKey { get; init; }

    public bool Interrupting { get; init; } = true;
}
