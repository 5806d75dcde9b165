using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Engine.ProcessTests;

namespace Crm.Bpm.Cli.ProcessTests;

/// <summary><c>crm test</c>: runs process test files (YAML, docs/process-tests.md) and prints every expectation that does not hold.</summary>
/// <remarks>Exit codes: 0 every case passed; 1 a case failed, a file could not be read, a path does not exist, or no test was found.</remarks>
public sealed class TestCommand : ICliCommand, IDeclaresOptions
{
    public IReadOnlyList<string> Path { get; } = ["test"];

    public string Usage => "FILE|DIR... [--case TEXT] [--verbose]";

    public string Summary => "Run process tests (directories are searched for *.test.yaml); print each failing expectation; exit 1 on any failure.";

    public IReadOnlyCollection<string> ValueOptions { get; } = ["case"];

    public int Run(CliArguments arguments, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        var unknown = arguments.Unknown(["case", "verbose"]).ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException($"unknown option --{unknown[0]}");
        }

        if (arguments.Positional.Count == 0)
        {
            throw new CliUsageException($"name at least one process test file or a directory to search for {ProcessTestFiles.Pattern}");
        }

        var filter = arguments.Get("case");
        var verbose = arguments.Has("verbose");
        var files = ProcessTestFiles.Find(arguments.Positional, out var missing);
        int passed = 0, failed = 0;
        foreach (var path in missing)
        {
            failed++;
            console.Out.WriteLine($"{path}: error: no such file or directory");
        }

        foreach (var file in files)
        {
            var shown = Show(file);
            var read = ProcessTestReader.ReadFile(file);
            foreach (var diagnostic in read.Diagnostics)
            {
                console.Out.WriteLine((diagnostic with { File = shown }).ToString());
            }

            if (read.File is null)
            {
                failed++;
                continue;
            }

            foreach (var testCase in read.File.Cases.Where(c => filter is null || c.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)))
            {
                var result = ProcessTestRunner.RunCase(read.File, testCase);
                if (result.Passed)
                {
                    passed++;
                    if (verbose)
                    {
                        console.Out.WriteLine($"{shown}({result.Line}): passed '{result.Name}'");
                    }

                    continue;
                }

                failed++;
                console.Out.WriteLine($"{shown}({result.Line}): FAILED '{result.Name}'");
                foreach (var failure in result.Failures)
                {
                    console.Out.WriteLine($"{shown}({failure.Line}):   {failure.Message}");
                }
            }
        }

        if (files.Count == 0 && missing.Count == 0)
        {
            failed++;
            console.Out.WriteLine($"no process test files ({ProcessTestFiles.Pattern}) under {string.Join(", ", arguments.Positional)}");
        }

        console.Out.WriteLine($"{passed} passed, {failed} failed");
        return failed > 0 ? 1 : 0;
    }

    private static string Show(string file)
    {
        var relative = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, file);
        return relative.StartsWith("..", StringComparison.Ordinal) ? file : relative;
    }
}
