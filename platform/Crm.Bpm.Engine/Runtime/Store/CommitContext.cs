using System.Data.Common;

namespace Crm.Bpm.Engine.Runtime.Store;

/// <summary>What a commit effect can use to write in the same transaction as the engine's rows; both are null for the in-memory store.</summary>
public sealed class CommitContext
{
    /// <summary>The database connection the commit runs on, or null.</summary>
    public DbConnection? Connection { get; init; }

    /// <summary>The commit's transaction, or null.</summary>
    public DbTransaction? Transaction { get; init; }

    /// <summary>The context of a store without a database.</summary>
    public static CommitContext None { get; } = new();
}
