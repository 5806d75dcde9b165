using Crm.Bpm.Dmn.Tck;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Dmn.Tests.Tck;

/// <summary>Runs the shared DMN TCK once and checks the compliance figures the project has reached.</summary>
public sealed class TckSuiteTests : IClassFixture<TckSuiteTests.TckRun>
{
    /// <summary>Level-3 test cases that passed when this figure was last raised (2553 of 2553); the suite fails if fewer pass.</summary>
    private const int Level3PassedAtLeast = 2553;

    private readonly TckRun _run;

    public TckSuiteTests(TckRun run)
    {
        _run = run;
    }

    [Fact]
    public void TckSuite_EveryComplianceLevel2CasePasses()
    {
        var level2 = _run.Report.Results.Where(r => r.TestDirectory.StartsWith("compliance-level-2/", StringComparison.Ordinal)).ToList();

        level2.Should().HaveCountGreaterThan(100);
        level2.Where(r => !r.Passed).Select(r => $"{r.TestDirectory} {r.TestCaseId}: {r.Detail}").Should().BeEmpty();
    }

    [Fact]
    public void TckSuite_ComplianceLevel3PassCountDoesNotDrop()
    {
        var level3 = _run.Report.Results.Where(r => r.TestDirectory.StartsWith("compliance-level-3/", StringComparison.Ordinal)).ToList();

        level3.Should().HaveCountGreaterThan(2000);
        level3.Count(r => r.Passed).Should().BeGreaterThanOrEqualTo(Level3PassedAtLeast,
            "the first failures are: " + string.Join(" | ", level3.Where(r => !r.Passed).Take(10).Select(r => $"{r.TestDirectory} {r.TestCaseId}: {r.Detail}")));
    }

    [Fact]
    public void TckSuite_ReportsEveryCaseInTheTckResultsLayout()
    {
        using var writer = new StringWriter();
        TckCsvWriter.Write(writer, _run.Report.Results);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.Should().HaveCount(_run.Report.Results.Count);
        lines.Should().Contain("\"compliance-level-2/0001-input-data-string\",\"0001-input-data-string-test-01\",\"001\",\"SUCCESS\",\"\"");
        _run.Report.Summary.Should().Be($"{_run.Report.Passed} passed, {_run.Report.Failed} failed");
    }

    /// <summary>Every TCK case folder, for the per-folder test.</summary>
    public static TheoryData<string> Directories()
    {
        var data = new TheoryData<string>();
        foreach (var level in new[] { "compliance-level-2", "compliance-level-3" })
        {
            foreach (var directory in Directory.GetDirectories(Path.Combine(SharedData.DmnTckFolder, level)).Order(StringComparer.Ordinal))
            {
                data.Add(level + "/" + Path.GetFileName(directory));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Directories))]
    public void TckSuite_EveryCaseOfTheFolderPasses(string directory)
    {
        var cases = _run.Report.Results.Where(r => r.TestDirectory == directory).ToList();

        cases.Should().NotBeEmpty();
        cases.Where(r => !r.Passed).Select(r => $"{r.TestCaseId}: {r.Detail}").Should().BeEmpty();
    }

    /// <summary>One run of the whole TCK shared by the tests of this class.</summary>
    public sealed class TckRun
    {
        public TckRunReport Report { get; } = TckRunner.Run(SharedData.DmnTckFolder);
    }
}
