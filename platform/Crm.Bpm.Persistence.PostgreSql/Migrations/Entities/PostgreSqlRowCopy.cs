using System.Buffers;
using System.Data.Common;
using System.Globalization;
using Crm.Bpm.Persistence.Entities;
using Npgsql;

namespace Crm.Bpm.Persistence.PostgreSql.Migrations.Entities;

/// <summary>Loads a batch of new record, change log, duplicate key, outbox and grant rows with one <c>COPY ... FROM STDIN</c> per table, in the caller's transaction.</summary>
/// <remarks>
/// A multi-row INSERT of 2,000 parameters costs the client its SQL text and Npgsql's parameter rewriting, and the server
/// the parsing and planning of that text; COPY streams rows the server stores as they come
/// (https://www.postgresql.org/docs/15/sql-copy.html). The text format is used rather than binary: Npgsql's binary
/// importer resolves a type converter for every value, which cost more client CPU than formatting the text, and the
/// server parses JSON documents from text either way. Times go as UTC with microseconds truncated, as Npgsql's binary
/// parameters send them, so a batch stores the same instants single INSERTs do.
/// </remarks>
public sealed class PostgreSqlRowCopy : IBulkRowWriter
{
    // COPY text format: backslash, newline, carriage return and the column delimiter (tab) are escaped.
    private static readonly SearchValues<char> Special = SearchValues.Create("\\\n\r\t");

    public void Write(DbConnection connection, string table, IReadOnlyList<BulkColumn> columns, IReadOnlyList<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var npgsql = connection as NpgsqlConnection ?? throw new ArgumentException("A PostgreSQL COPY needs an Npgsql connection.", nameof(connection));
        var copy = npgsql.BeginTextImport($"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN");
        try
        {
            foreach (var row in rows)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    if (c > 0)
                    {
                        copy.Write('\t');
                    }

                    WriteValue(copy, table, columns[c].Name, row[c]);
                }

                copy.Write('\n');
            }
        }
        catch
        {
            // Without the cancel, disposing would end the COPY and keep the rows written so far; the caller rolls the
            // transaction back either way, so a failing cancel (a broken connection) must not hide the first error.
            try
            {
                ((NpgsqlCopyTextWriter)copy).Cancel();
            }
            catch (NpgsqlException)
            {
            }

            throw;
        }

        // Disposing ends the COPY; the server reports a refused row (a constraint, a malformed document) here.
        copy.Dispose();
    }

    private static void WriteValue(TextWriter copy, string table, string column, object? value)
    {
        Span<char> buffer = stackalloc char[40];
        int length;
        switch (value)
        {
            case null:
                copy.Write("\\N");
                break;
            case string text:
                WriteText(copy, text);
                break;
            case int number when number.TryFormat(buffer, out length, default, CultureInfo.InvariantCulture):
                copy.Write(buffer[..length]);
                break;
            case long number when number.TryFormat(buffer, out length, default, CultureInfo.InvariantCulture):
                copy.Write(buffer[..length]);
                break;
            case bool flag:
                copy.Write(flag ? 't' : 'f');
                break;
            case DateTime { Kind: DateTimeKind.Utc } time when time.TryFormat(buffer, out length, "yyyy'-'MM'-'dd' 'HH':'mm':'ss'.'ffffff'+00'", CultureInfo.InvariantCulture):
                copy.Write(buffer[..length]);
                break;
            case var other:
                throw new ArgumentException($"COPY into {table}.{column}: no text form for {other.GetType().Name} {other} (times must be UTC).", nameof(value));
        }
    }

    private static void WriteText(TextWriter copy, string text)
    {
        var span = text.AsSpan();
        var next = span.IndexOfAny(Special);
        while (next >= 0)
        {
            copy.Write(span[..next]);
            copy.Write(span[next] switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                _ => "\\t",
            });
            span = span[(next + 1)..];
            next = span.IndexOfAny(Special);
        }

        copy.Write(span);
    }
}
