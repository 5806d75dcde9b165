using System.Data.Common;
using Crm.Bpm.Persistence.Entities;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Bpm.Persistence.PostgreSql.Migrations.Entities;

/// <summary>Loads a batch of new record, change log, duplicate key, outbox and grant rows with one binary <c>COPY ... FROM STDIN</c> per table, in the caller's transaction.</summary>
/// <remarks>
/// A multi-row INSERT of 2,000 parameters costs the client its SQL text and Npgsql's parameter rewriting, and the server
/// the parsing and planning of that text; COPY streams typed values the server stores as they come
/// (https://www.postgresql.org/docs/15/sql-copy.html). Values are written by their CLR type: text also fills
/// <c>character varying</c> columns (same binary form), <see cref="DateTime"/> goes as <c>timestamp with time zone</c>.
/// </remarks>
public sealed class PostgreSqlRowCopy : IBulkRowWriter
{
    public void Write(DbConnection connection, string table, IReadOnlyList<BulkColumn> columns, IReadOnlyList<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var npgsql = connection as NpgsqlConnection ?? throw new ArgumentException("A PostgreSQL COPY needs an Npgsql connection.", nameof(connection));
        using var copy = npgsql.BeginBinaryImport($"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            copy.StartRow();
            for (var c = 0; c < columns.Count; c++)
            {
                switch (row[c])
                {
                    case null:
                        copy.WriteNull();
                        break;
                    case string text:
                        copy.Write(text, columns[c].Json ? NpgsqlDbType.Jsonb : NpgsqlDbType.Text);
                        break;
                    case int number:
                        copy.Write(number, NpgsqlDbType.Integer);
                        break;
                    case long number:
                        copy.Write(number, NpgsqlDbType.Bigint);
                        break;
                    case bool flag:
                        copy.Write(flag, NpgsqlDbType.Boolean);
                        break;
                    case DateTime time:
                        copy.Write(time, NpgsqlDbType.TimestampTz);
                        break;
                    case var other:
                        throw new ArgumentException($"COPY into {table}.{columns[c].Name}: no binary form for {other.GetType().Name}.", nameof(rows));
                }
            }
        }

        copy.Complete();
    }
}
