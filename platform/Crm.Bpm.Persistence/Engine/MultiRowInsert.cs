using System.Globalization;
using System.Text;

namespace Crm.Bpm.Persistence.Engine;

/// <summary>The SQL of an INSERT of several rows with numbered parameters (<c>@p0</c>, <c>@p1</c>.. row by row), made once per row count and kept.</summary>
/// <param name="prefix">The statement up to and including <c>VALUES </c>.</param>
/// <param name="columns">Parameters per row.</param>
/// <param name="maxRows">The most rows one statement takes; callers split longer lists.</param>
internal sealed class MultiRowInsert(string prefix, int columns, int maxRows)
{
    // Several stores (one per engine thread) share an instance: a slot written twice holds equal text, so no lock.
    private readonly string?[] _statements = new string?[maxRows + 1];

    public int Columns => columns;

    public int MaxRows => maxRows;

    /// <summary>The statements (with their parameter values) that insert <paramref name="rows"/>: <see cref="MaxRows"/> rows at the most each; <paramref name="fill"/> puts one row's values at an offset.</summary>
    public IEnumerable<(string Sql, object?[] Values)> Statements<T>(IReadOnlyList<T> rows, Action<T, object?[], int> fill)
    {
        for (var start = 0; start < rows.Count; start += maxRows)
        {
            var count = Math.Min(maxRows, rows.Count - start);
            var values = new object?[count * columns];
            for (var i = 0; i < count; i++)
            {
                fill(rows[start + i], values, i * columns);
            }

            yield return (Sql(count), values);
        }
    }

    /// <summary>The statement for <paramref name="rows"/> rows (1 to <see cref="MaxRows"/>).</summary>
    public string Sql(int rows)
    {
        if (_statements[rows] is { } cached)
        {
            return cached;
        }

        var sql = new StringBuilder(prefix);
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
            {
                sql.Append(c == 0 ? "@p" : ", @p").Append((r * columns + c).ToString(CultureInfo.InvariantCulture));
            }

            sql.Append(')');
        }

        return _statements[rows] = sql.ToString();
    }
}
