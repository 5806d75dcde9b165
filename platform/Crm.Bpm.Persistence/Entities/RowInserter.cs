using System.Data.Common;
using System.Text;

namespace Crm.Bpm.Persistence.Entities;

/// <summary>Writes many rows of one table inside the caller's transaction: the provider's bulk load for batches, otherwise multi-row <c>INSERT ... VALUES (...), (...)</c> statements.</summary>
/// <remarks>
/// EF Core sends one INSERT per row on SQLite; a batch of 1,000 leads is about 11,000 rows (record, change log, event,
/// grant, duplicate keys), so the bulk path writes them here instead. Statements stay under 2,000 parameters, the
/// lowest limit of the three providers (SQL Server: 2,100). SQLite, in-process, reuses one prepared single-row statement.
/// </remarks>
internal sealed class RowInserter(SqlFlavor sql, DbConnection connection, DbTransaction? transaction, IBulkRowWriter? bulk)
{
    /// <summary>From this many rows of one table on, a bulk writer is used: below it, one INSERT is one round trip where COPY takes two.</summary>
    public const int BulkFrom = 50;

    private const int MaxParameters = 2000;

    /// <summary>Inserts <paramref name="rows"/> into <paramref name="table"/>; JSON columns are cast to the provider's JSON type.</summary>
    public void Insert(string table, IReadOnlyList<BulkColumn> columns, IReadOnlyList<object?[]> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (bulk is not null && rows.Count >= BulkFrom)
        {
            bulk.Write(connection, table, columns, rows);
            return;
        }

        var names = string.Join(", ", columns.Select(c => c.Name));
        if (sql.Sqlite)
        {
            InsertPrepared(table, names, columns.Count, rows);
            return;
        }

        var perStatement = Math.Max(1, MaxParameters / columns.Count);
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder($"INSERT INTO {table} ({names}) VALUES ");
            var end = Math.Min(rows.Count, start + perStatement);
            var p = 0;
            for (var r = start; r < end; r++)
            {
                text.Append(r == start ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = $"@p{p++}";
                    SqlFlavor.Add(command, name, rows[r][c]);
                    text.Append(c == 0 ? string.Empty : ", ").Append(columns[c].Json && sql.PostgreSql ? $"CAST({name} AS jsonb)" : name);
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            command.ExecuteNonQuery();
        }
    }

    // SQLite runs in-process, so there are no round trips to save; one prepared single-row statement executed per row
    // is fastest, while a statement of many named parameters costs time quadratic in their number to bind
    // (sqlite3_bind_parameter_index scans the list).
    private void InsertPrepared(string table, string names, int count, IReadOnlyList<object?[]> rows)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({names}) VALUES ({string.Join(", ", Enumerable.Range(0, count).Select(i => $"@p{i}"))})";
        var parameters = Enumerable.Range(0, count).Select(i => SqlFlavor.Add(command, $"@p{i}", null)).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var c = 0; c < parameters.Length; c++)
            {
                parameters[c].Value = row[c] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }
    }
}
