using Crm.Bpm.Engine.ProcessTests.Running;

namespace Crm.Bpm.Engine.ProcessTests;

/// <summary>Runs process test cases, each on a fresh in-memory engine with a manual clock, and reports every expectation that does not hold.</summary>
public static class ProcessTestRunner
{
    /// <summary>Reads and runs a file; a file that cannot be read gives its diagnostics and no cases.</summary>
    public static ProcessTestFileResult RunFile(string path)
    {
        var read = ProcessTestReader.ReadFile(path);
        return read.File is null
            ? new ProcessTestFileResult(Path.GetFullPath(path), read.Diagnostics, [])
            : new ProcessTestFileResult(read.File.Path, read.Diagnostics, Run(read.File));
    }

    /// <summary>Runs every case of a file, in order.</summary>
    public static IReadOnlyList<ProcessTestCaseResult> Run(ProcessTestFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Cases.Select(c => RunCase(file, c)).ToList();
    }

    /// <summary>Runs one case on its own engine.</summary>
    public static ProcessTestCaseResult RunCase(ProcessTestFile file, ProcessTestCase testCase) => RunCase(file, testCase, null);

    /// <summary>Runs one case on its own engine over a store from <paramref name="createStore"/> (a fresh in-memory store when null), so a store can be checked against the whole suite.</summary>
    public static ProcessTestCaseResult RunCase(ProcessTestFile file, ProcessTestCase testCase, Func<Runtime.Store.IProcessStore>? createStore)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(testCase);
        return new CaseRun(file, testCase, createStore?.Invoke()).Run();
    }
}
