using Crm.Bpm.Engine.ProcessTests;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Engine.Tests.ProcessTests;

/// <summary>The engine's semantics tests, written as process tests: one test case per YAML case under this folder.</summary>
/// <remarks>
/// <c>*.test.yaml</c> cases must pass. <c>*.pending.yaml</c> cases fail today because of a known runtime gap
/// (/work/notes/runtime-gaps.md); they must still fail, so that a fix shows up as a failure here and the case moves
/// into the area's <c>*.test.yaml</c>.
/// </remarks>
public class ProcessTestSuite
{
    private static readonly string Root = Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Engine.Tests", "ProcessTests");

    public static TheoryData<string, string> Cases() => Collect(Root, ProcessTestFiles.Pattern);

    public static TheoryData<string, string> PendingCases() => Collect(Root, ProcessTestFiles.PendingPattern);

    [Theory]
    [MemberData(nameof(Cases))]
    public void ProcessTestCase_Passes(string file, string caseName)
    {
        var failures = Run(Root, file, caseName);

        failures.Should().BeEmpty("the case '{0}' in {1} must hold", caseName, file);
    }

    [Theory]
    [MemberData(nameof(PendingCases))]
    public void PendingCase_StillFails_UntilItsRuntimeGapIsClosed(string file, string caseName)
    {
        if (file == NoPendingFiles)
        {
            Directory.EnumerateFiles(Root, ProcessTestFiles.PendingPattern, SearchOption.AllDirectories).Should().BeEmpty();
            return;
        }

        var failures = Run(Root, file, caseName);

        failures.Should().NotBeEmpty("the case '{0}' in {1} passes now: move it into the area's *.test.yaml and strike it from runtime-gaps.md", caseName, file);
    }

    private const string NoPendingFiles = "(no pending files)";

    /// <summary>One row per case of every matching file; a file that cannot be read gives one row with an empty case name.</summary>
    internal static TheoryData<string, string> Collect(string root, string pattern)
    {
        var data = new TheoryData<string, string>();
        foreach (var path in Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            var read = ProcessTestReader.ReadFile(path);
            if (read.File is null)
            {
                data.Add(relative, "");
                continue;
            }

            foreach (var testCase in read.File.Cases)
            {
                data.Add(relative, testCase.Name);
            }
        }

        if (data.Count == 0 && pattern == ProcessTestFiles.PendingPattern)
        {
            data.Add(NoPendingFiles, "");
        }

        return data;
    }

    /// <summary>Runs one case and gives its failures as lines, or the file's diagnostics when it cannot be read.</summary>
    internal static IReadOnlyList<string> Run(string root, string file, string caseName)
    {
        var read = ProcessTestReader.ReadFile(Path.Combine(root, file));
        if (read.File is null)
        {
            return read.Diagnostics.Select(d => d.ToString()).ToList();
        }

        var testCase = read.File.Cases.SingleOrDefault(c => c.Name == caseName);
        if (testCase is null)
        {
            return [$"{file} has no case named '{caseName}' any more"];
        }

        return ProcessTestRunner.RunCase(read.File, testCase).Failures.Select(f => $"{file}({f.Line}): {f.Message}").ToList();
    }
}
