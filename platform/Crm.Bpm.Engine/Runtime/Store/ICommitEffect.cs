namespace Crm.Bpm.Engine.Runtime.Store;

/// <summary>A side effect that must happen exactly when a command's changes are committed (a job's result, an outbox row), run by the store inside the commit transaction.</summary>
/// <remarks>An exception from <see cref="Apply"/> rolls the whole commit back: the store stays as it was.</remarks>
public interface ICommitEffect
{
    /// <summary>Does the effect inside the commit; a database store passes its open connection and transaction.</summary>
    void Apply(CommitContext context);
}
