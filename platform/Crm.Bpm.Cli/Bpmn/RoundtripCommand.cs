using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Engine.Comparison;
using Crm.Bpm.Engine.Xml;

namespace Crm.Bpm.Cli.Bpmn;

/// <summary><c>crm bpmn roundtrip</c>: parses each BPMN file, writes it back, parses the result and lists every difference between the two models.</summary>
/// <remarks>
/// Exit codes: 0 every file survives unchanged, 1 a difference (or the written XML does not parse), 2 a path or file
/// could not be read as BPMN at all (this wins over 1).
/// </remarks>
public sealed class RoundtripCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["bpmn", "roundtrip"];

    public string Usage => "FILE|DIR...";

    public string Summary => "Parse, write back and re-parse BPMN files and list every semantic or diagram difference; exit 0 identical, 1 differences, 2 unreadable.";

    public int Run(CliArguments arguments, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        var unknown = arguments.Unknown([]).ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException($"unknown option --{unknown[0]}");
        }

        if (arguments.Positional.Count == 0)
        {
            throw new CliUsageException("name at least one BPMN file or directory");
        }

        var inputs = BpmnInputFiles.Resolve(arguments.Positional);
        var unreadable = inputs.Problems.Count;
        foreach (var problem in inputs.Problems)
        {
            console.Out.WriteLine(problem.ToString());
        }

        int identical = 0, different = 0;
        foreach (var file in inputs.Files)
        {
            switch (RoundTripGuarded(file, console.Out))
            {
                case Outcome.Identical:
                    identical++;
                    break;
                case Outcome.Different:
                    different++;
                    break;
                default:
                    unreadable++;
                    break;
            }
        }

        console.Error.WriteLine($"crm bpmn roundtrip: {inputs.Files.Count} file(s), {identical} identical, {different} with differences, {unreadable} unreadable");
        return unreadable > 0 ? 2 : different > 0 ? 1 : 0;
    }

    private static Outcome RoundTripGuarded(string file, TextWriter output)
    {
        try
        {
            return RoundTrip(file, output);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A fault in parser, writer or comparer counts as a failed round trip of this file; the others still run.
            output.WriteLine(BpmnInputFiles.InternalError(file, ex).ToString());
            return Outcome.Different;
        }
    }

    private static Outcome RoundTrip(string file, TextWriter output)
    {
        var first = BpmnParser.ParseFile(file);
        if (first.Definitions is not { } original)
        {
            foreach (var diagnostic in first.Diagnostics)
            {
                output.WriteLine(diagnostic.ToString());
            }

            return Outcome.Unreadable;
        }

        var written = BpmnWriter.WriteString(original);
        var second = BpmnParser.ParseString(written, $"{file} (as written)");
        if (second.Definitions is not { } reread)
        {
            output.WriteLine($"{file}: the written XML cannot be parsed again:");
            foreach (var diagnostic in second.Diagnostics)
            {
                output.WriteLine($"  {diagnostic}");
            }

            return Outcome.Different;
        }

        var differences = BpmnComparer.Compare(original, reread);
        foreach (var difference in differences)
        {
            output.WriteLine($"{file}: {difference}");
        }

        return differences.Count == 0 ? Outcome.Identical : Outcome.Different;
    }

    private enum Outcome
    {
        Identical,
        Different,
        Unreadable,
    }
}
