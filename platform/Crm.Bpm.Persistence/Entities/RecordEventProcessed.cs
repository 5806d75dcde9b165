using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Persistence.Entities;

/// <summary>An engine commit effect that marks a record event processed in the engine's transaction, so a process started from it commits exactly once.</summary>
/// <remarks>Throws when the event was processed already, which rolls the engine's commit back (durable-contract.md, Writes).</remarks>
public sealed class RecordEventProcessed(long eventId) : ICommitEffect
{
    public long EventId { get; } = eventId;

    public void Apply(CommitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Connection is null)
        {
            throw new InvalidOperationException("Record events can only be marked processed by a database store, inside its transaction.");
        }

        if (!RecordEventOutbox.MarkProcessed(context.Connection, context.Transaction, EventId))
        {
            throw new InvalidOperationException($"Record event {EventId} was already processed (or does not exist); this commit is rolled back so its effect does not happen twice.");
        }
    }
}
