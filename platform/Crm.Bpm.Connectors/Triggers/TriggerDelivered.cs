using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Connectors.Triggers;

/// <summary>An engine commit effect recording that a record event was delivered to a trigger, in the same transaction as the start or correlation it caused.</summary>
/// <remarks>A second delivery of the pair violates the table's primary key, so the engine rolls that command back: a process never starts twice for one record change.</remarks>
public sealed class TriggerDelivered(long eventId, string triggerId) : ICommitEffect
{
    public long EventId { get; } = eventId;

    public string TriggerId { get; } = triggerId;

    public void Apply(CommitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Connection is null)
        {
            throw new InvalidOperationException("Record triggers need a database engine store: the delivery is recorded inside its transaction.");
        }

        TriggerDeliveries.Insert(context.Connection, context.Transaction, EventId, TriggerId);
    }
}
