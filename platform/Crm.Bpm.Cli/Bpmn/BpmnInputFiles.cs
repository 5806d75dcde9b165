using Crm.Bpm.Diagnostics;

namespace Crm.Bpm.Cli.Bpmn;

/// <summary>The BPMN files that a command line names, directly or through directories searched recursively for <c>*.bpmn</c>.</summary>
/// <remarks>
/// A path that does not exist, a directory that cannot be listed and a directory without any <c>.bpmn</c> file are
/// problems (exit code 2): the user asked for files that the command cannot check, and a silent success would hide that.
/// </remarks>
internal sealed class BpmnInputFiles
{
    /// <summary>The code of a path that names neither a file nor a directory.</summary>
    public const string MissingPathCode = "CLI001";

    /// <summary>The code of a file or directory the command is not allowed to read, or that fails while being read.</summary>
    public const string UnreadableCode = "CLI002";

    /// <summary>The code of a directory that holds no <c>.bpmn</c> file at any depth.</summary>
    public const string NoBpmnFilesCode = "CLI003";

    private BpmnInputFiles(IReadOnlyList<string> files, IReadOnlyList<Diagnostic> problems)
    {
        Files = files;
        Problems = problems;
    }

    /// <summary>The files to process, in the order given, each directory's files in ordinal path order, without repeats.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Paths that could not be used, as error diagnostics naming the path.</summary>
    public IReadOnlyList<Diagnostic> Problems { get; }

    /// <summary>Expands <paramref name="paths"/> (files and directories) into BPMN files.</summary>
    public static BpmnInputFiles Resolve(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<Diagnostic>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = new List<string>();
                var problemsBefore = problems.Count;
                Walk(path, found, problems);
                found.Sort(StringComparer.Ordinal);
                if (found.Count == 0 && problems.Count == problemsBefore)
                {
                    problems.Add(new Diagnostic(DiagnosticSeverity.Error, NoBpmnFilesCode, "The directory contains no .bpmn file; name a BPMN file or a directory that holds some.", path));
                }

                found.ForEach(Add);
            }
            else
            {
                problems.Add(new Diagnostic(DiagnosticSeverity.Error, MissingPathCode, "No such file or directory; check the path.", path));
            }
        }

        return new BpmnInputFiles(files, problems);

        void Add(string file)
        {
            if (seen.Add(Path.GetFullPath(file)))
            {
                files.Add(file);
            }
        }
    }

    /// <summary>The code of a fault inside the tool itself while it processed a file; the file may well be fine.</summary>
    public const string InternalErrorCode = "CLI009";

    /// <summary>An error diagnostic for a fault of the tool itself, so that one bad file does not end the whole run with a stack trace.</summary>
    public static Diagnostic InternalError(string file, Exception exception) =>
        new(DiagnosticSeverity.Error, InternalErrorCode, $"crm failed on this file ({exception.GetType().Name}: {exception.Message}). The file may be fine; please report this with the file attached.", file);

    private static void Walk(string directory, List<string> found, List<Diagnostic> problems)
    {
        IEnumerable<string> entries;
        try
        {
            // Listing eagerly inside the try: enumeration is where permission errors surface.
            entries = Directory.GetFileSystemEntries(directory);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            problems.Add(new Diagnostic(DiagnosticSeverity.Error, UnreadableCode, $"The directory cannot be listed ({ex.Message}); check that you may read it.", directory));
            return;
        }

        foreach (var entry in entries)
        {
            if (Directory.Exists(entry))
            {
                Walk(entry, found, problems);
            }
            else if (entry.EndsWith(".bpmn", StringComparison.OrdinalIgnoreCase))
            {
                found.Add(entry);
            }
        }
    }
}
