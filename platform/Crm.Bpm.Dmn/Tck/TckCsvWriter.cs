using System.Text;

namespace Crm.Bpm.Dmn.Tck;

/// <summary>Writes results in the TCK's <c>tck_results.csv</c> layout: quoted test directory, test file, test case id, result, detail; no header.</summary>
public static class TckCsvWriter
{
    /// <summary>Writes one row per test case to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, IEnumerable<TckCaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        foreach (var result in results)
        {
            output.Write(Quote(result.TestDirectory));
            output.Write(',');
            output.Write(Quote(result.TestFile));
            output.Write(',');
            output.Write(Quote(result.TestCaseId));
            output.Write(',');
            output.Write(Quote(result.Outcome switch
            {
                TckOutcome.Success => "SUCCESS",
                TckOutcome.Ignored => "IGNORED",
                _ => "ERROR",
            }));
            output.Write(',');
            output.Write(Quote(result.Detail));
            output.Write('\n');
        }
    }

    private static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        text.Append('"');
        foreach (var c in value)
        {
            // One row per case: line breaks in a detail become spaces, quotes are doubled (RFC 4180).
            text.Append(c switch
            {
                '"' => "\"\"",
                '\r' or '\n' => " ",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
