using System.Data.Common;
using System.Text;

namespace Crm.Bpm.Persistence.Entities;

/// <summary>Writes many rows of one table with multi-row <c>INSERT ... VALUES (...), (...)</c> statements inside the caller's transaction.</summary>
/// <remarks>
/// EF Core sends one INSERT per row on SQLite; a batch of 1,000 leads is about 11,000 rows (record, change log, event,
/// grant, duplicate keys), so the bulk path writes them here instead. Statements stay under 2,000 parameters, the
/// lowest limit of the three providers (SQL Server: 2,100). SQLite, in-process, reuses one prepared single-row statement.
/// </remarks>
internal sealed class RowInserter(SqlFlavor sql, DbConnection connection, DbTransaction? transaction)
{
    private const int MaxParameters = 2000;

    /// <summary>Inserts <paramref name="rows"/> into <paramref name="table"/>; a column name ending in <c>:json</c> is cast to the provider's JSON type.</summary>
    public void Insert(string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var names = columns.Select(c => c.Split(':')[0]).ToList();
        if (sql.Sqlite)
        {
            InsertPrepared(table, names, rows);
            return;
        }

        var json = columns.Select(c => c.EndsWith(":json", StringComparison.Ordinal) && sql.PostgreSql).ToList();
        var perStatement = Math.Max(1, MaxParameters / columns.Count);
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", names)}) VALUES ");
            var end = Math.Min(rows.Count, start + perStatement);
            var p = 0;
            for (var r = start; r < end; r++)
            {
                text.Append(r == start ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = $"@p{p++}";
                    SqlFlavor.Add(command, name, rows[r][c]);
                    text.Append(c == 0 ? string.Empty : ", ").Append(json[c] ? $"CAST({name} AS jsonb)" : name);
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
    private void InsertPrepared(string table, List<string> names, IReadOnlyList<object?[]> rows)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select((_, i) => $"@p{i}"))})";
        var parameters = names.Select((_, i) => SqlFlavor.Add(command, $"@p{i}", null)).ToArray();
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
