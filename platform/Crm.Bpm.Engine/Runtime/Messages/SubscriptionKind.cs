namespace Crm.Bpm.Engine.Runtime.Messages;

/// <summary>What an event subscription waits for.</summary>
public enum SubscriptionKind
{
    Message,
    Signal,

    /// <summary>Marks an active instance started by a message with a correlation key (name: the process id): Camunda 8 lets one such instance run per key.</summary>
    MessageStartCorrelation,
}
