using Crm.Bpm.Benchmarks.Bpmn;

namespace Crm.Bpm.Benchmarks.Engine;

/// <summary>Finds the models the engine benchmarks run: the peer's models in the shared folder and this folder's own.</summary>
internal static class EngineModels
{
    public static string Peer(string file) => Path.Combine(BenchmarkData.SharedFolder(), "peer", "models", file);

    public static string Own(string file)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "benchmarks", "Crm.Bpm.Benchmarks", "Engine", "Models", file);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"Engine benchmark model {file} not found; run from inside the checkout.");
    }
}
