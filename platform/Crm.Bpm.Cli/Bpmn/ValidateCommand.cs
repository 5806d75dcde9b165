using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Diagnostics;
using Crm.Bpm.Engine.Validation;
using Crm.Bpm.Engine.Xml;

namespace Crm.Bpm.Cli.Bpmn;

/// <summary><c>crm validate</c>: parses and validates BPMN files and prints every finding.</summary>
/// <remarks>Exit codes: 0 no errors, 1 at least one error, 2 a path or file could not be read (this wins over 1).</remarks>
public sealed class ValidateCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["validate"];

    public string Usage => "FILE|DIR... [--json]";

    public string Summary => "Parse and validate BPMN files (directories are searched for *.bpmn); exit 0 clean, 1 errors, 2 unreadable.";

    public int Run(CliArguments arguments, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        var unknown = arguments.Unknown(["json"]).ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException($"unknown option --{unknown[0]}");
        }

        if (arguments.Positional.Count == 0)
        {
            throw new CliUsageException("name at least one BPMN file or directory");
        }

        var json = arguments.Has("json");
        var inputs = BpmnInputFiles.Resolve(arguments.Positional);
        var tally = new FindingTally();
        foreach (var problem in inputs.Problems)
        {
            tally.Unreadable++;
            Print(console, problem, json, tally);
        }

        foreach (var file in inputs.Files)
        {
            tally.Files++;
            foreach (var diagnostic in ValidateFile(file))
            {
                if (diagnostic.Code == BpmnDiagnosticCodes.Unreadable)
                {
                    tally.Unreadable++;
                }

                Print(console, diagnostic, json, tally);
            }
        }

        if (!json)
        {
            console.Error.WriteLine(tally.Describe());
        }

        return tally.Unreadable > 0 ? 2 : tally.Errors > 0 ? 1 : 0;
    }

    /// <summary>The parser's and the validator's findings for one file, in position order.</summary>
    private static List<Diagnostic> ValidateFile(string file)
    {
        var findings = new List<Diagnostic>();
        try
        {
            var parsed = BpmnParser.ParseFile(file);
            findings.AddRange(parsed.Diagnostics);
            if (parsed.Definitions is { } definitions)
            {
                findings.AddRange(BpmnValidator.Validate(definitions, file));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A fault in parser or validator is reported against the file, and the other files are still checked.
            findings.Add(BpmnInputFiles.InternalError(file, ex));
        }

        // Stable sort: at one position the parser's finding stays before the validator's.
        return findings.OrderBy(d => d.Line ?? int.MaxValue).ThenBy(d => d.Column ?? 0).ToList();
    }

    private static void Print(CliConsole console, Diagnostic diagnostic, bool json, FindingTally tally)
    {
        switch (diagnostic.Severity)
        {
            case DiagnosticSeverity.Error:
                tally.Errors++;
                break;
            case DiagnosticSeverity.Warning:
                tally.Warnings++;
                break;
        }

        console.Out.WriteLine(json ? diagnostic.ToJson() : diagnostic.ToString());
    }

    private sealed class FindingTally
    {
        public int Files { get; set; }

        public int Errors { get; set; }

        public int Warnings { get; set; }

        public int Unreadable { get; set; }

        public string Describe()
        {
            var text = $"crm validate: {Count(Files, "file")} checked, {Count(Errors, "error")}, {Count(Warnings, "warning")}";
            return Unreadable > 0 ? $"{text}; {Count(Unreadable, "path")} could not be read" : text;
        }

        private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
    }
}
