using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Dmn.Tck;

namespace Crm.Bpm.Cli.Dmn;

/// <summary><c>crm tck DIR [--csv FILE]</c>: runs the DMN TCK test cases under a folder and reports each failure and the totals.</summary>
/// <remarks>
/// Exit codes: 0 when every test case passed, 1 when any failed, 2 when the folder does not exist or holds no test file.
/// The last line is always <c>N passed, N failed</c>. <c>--csv</c> writes the TCK's <c>tck_results.csv</c> layout.
/// </remarks>
public sealed class TckCommand : ICliCommand, IDeclaresOptions
{
    public IReadOnlyList<string> Path { get; } = ["tck"];

    public string Usage => "DIR [--csv FILE]";

    public string Summary => "Run the DMN TCK test cases under DIR; print failures and 'N passed, N failed'.";

    public IReadOnlyCollection<string> ValueOptions { get; } = ["csv"];

    public int Run(CliArguments arguments, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        var unknown = arguments.Unknown(["csv"]).ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException($"unknown option --{unknown[0]}");
        }

        if (arguments.Positional.Count != 1)
        {
            throw new CliUsageException("give exactly one TCK folder");
        }

        var root = arguments.Positional[0];
        if (!Directory.Exists(root))
        {
            console.Error.WriteLine($"{root}: error CLI001: No such directory; give the folder that holds the TCK test cases.");
            return 2;
        }

        var report = TckRunner.Run(root, result =>
        {
            if (!result.Passed)
            {
                var detail = result.Detail.Length <= 300 ? result.Detail : result.Detail[..297] + "...";
                console.Out.WriteLine($"FAIL {result.TestDirectory} {result.TestCaseId}: {detail}");
            }
        });

        if (report.Results.Count == 0)
        {
            console.Error.WriteLine($"{root}: error CLI003: The folder holds no '*-test-*.xml' TCK test file.");
            console.Out.WriteLine(report.Summary);
            return 2;
        }

        var csv = arguments.Get("csv");
        if (csv is not null)
        {
            try
            {
                using var writer = new StreamWriter(csv, append: false);
                TckCsvWriter.Write(writer, report.Results);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"{csv}: error CLI002: The results file cannot be written ({ex.Message}).");
                console.Out.WriteLine(report.Summary);
                return 2;
            }
        }

        console.Out.WriteLine(report.Summary);
        return report.Failed == 0 ? 0 : 1;
    }
}
