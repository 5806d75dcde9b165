namespace Crm.Bpm.Engine.ProcessTests;

/// <summary>The naming convention of process test files and how to find them.</summary>
/// <remarks>
/// A process test file is named <c>NAME.test.yaml</c> and lives beside the BPMN and DMN files it tests. A directory is
/// searched recursively for that pattern only; a file named explicitly runs whatever its name. Cases that are known to
/// fail because of an engine gap live in <c>NAME.pending.yaml</c>, which a directory search skips.
/// </remarks>
public static class ProcessTestFiles
{
    /// <summary>The pattern a directory search looks for.</summary>
    public const string Pattern = "*.test.yaml";

    /// <summary>The pattern of files whose cases are known to fail until an engine gap is closed.</summary>
    public const string PendingPattern = "*.pending.yaml";

    /// <summary>Every process test file under the given files and directories, each once, directories in name order.</summary>
    /// <param name="paths">Files (taken as they are) and directories (searched recursively for <see cref="Pattern"/>).</param>
    /// <param name="missing">The paths that are neither a file nor a directory.</param>
    public static IReadOnlyList<string> Find(IEnumerable<string> paths, out IReadOnlyList<string> missing)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var notFound = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, Pattern, SearchOption.AllDirectories).Select(Path.GetFullPath).Order(StringComparer.Ordinal))
                {
                    Add(file);
                }
            }
            else
            {
                notFound.Add(path);
            }
        }

        missing = notFound;
        return files;

        void Add(string file)
        {
            if (seen.Add(file))
            {
                files.Add(file);
            }
        }
    }
}
