using System.Data.Common;

namespace Crm.Bpm.Persistence.Entities;

/// <summary>Loads many new rows of one table in one stream inside the connection's open transaction, as a provider's bulk load does (PostgreSQL binary COPY).</summary>
/// <remarks>
/// The provider projects supply it (this project does not reference their ADO.NET drivers); without one, batches go as
/// multi-row INSERT statements. A failure leaves the transaction to be rolled back by the caller.
/// </remarks>
public interface IBulkRowWriter
{
    /// <summary>Writes <paramref name="rows"/>, values in the order of <paramref name="columns"/>, to <paramref name="table"/>.</summary>
    void Write(DbConnection connection, string table, IReadOnlyList<BulkColumn> columns, IReadOnlyList<object?[]> rows);
}
