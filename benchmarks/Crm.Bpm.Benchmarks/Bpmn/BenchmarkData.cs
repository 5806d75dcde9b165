namespace Crm.Bpm.Benchmarks.Bpmn;

/// <summary>Finds the team's shared test data for benchmarks, which cannot use the test harness: <c>CRM_SHARED</c>, else a <c>shared</c> folder beside an ancestor of the working directory.</summary>
internal static class BenchmarkData
{
    public static string SharedFolder()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CRM_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "bpmn", "miwg")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("Shared test data not found; run from inside the checkout (with ../shared beside it) or set CRM_SHARED.");
    }

    /// <summary>The largest MIWG reference model by file size.</summary>
    public static string LargestMiwgModel() =>
        new DirectoryInfo(Path.Combine(SharedFolder(), "bpmn", "miwg"))
            .GetFiles("*.bpmn")
            .OrderByDescending(f => f.Length)
            .First()
            .FullName;
}
