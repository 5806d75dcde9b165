using Crm.Bpm.Engine.ProcessTests;
using Crm.Bpm.Persistence.Database;
using Crm.Bpm.Persistence.Engine;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Persistence.Tests.Engine;

/// <summary>The engine's YAML process-test suite (every <c>*.test.yaml</c> case), run over a database store.</summary>
internal static class ProcessSuite
{
    public static readonly string Root = Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Engine.Tests", "ProcessTests");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in Directory.EnumerateFiles(Root, ProcessTestFiles.Pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var read = ProcessTestReader.ReadFile(path);
            foreach (var testCase in read.File?.Cases ?? [])
            {
                data.Add(Path.GetRelativePath(Root, path).Replace('\\', '/'), testCase.Name);
            }
        }

        return data;
    }

    /// <summary>Runs one case on a fresh engine over a store on the emptied database; gives the failures as lines.</summary>
    public static IReadOnlyList<string> Run(EngineDatabase database, string file, string caseName)
    {
        var read = ProcessTestReader.ReadFile(Path.Combine(Root, file));
        if (read.File is null)
        {
            return [.. read.Diagnostics.Select(d => d.ToString())];
        }

        var testCase = read.File.Cases.Single(c => c.Name == caseName);
        EngineTables.Clear(database);
        EfProcessStore? store = null;
        try
        {
            var result = ProcessTestRunner.RunCase(read.File, testCase, () => store = database.CreateStore());
            return store is null
                ? ["the runner did not ask for the database store"]
                : [.. result.Failures.Select(f => $"{file}({f.Line}): {f.Message}")];
        }
        finally
        {
            store?.Dispose();
        }
    }
}
