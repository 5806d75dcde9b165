namespace Crm.Bpm.Testing;

/// <summary>Locates the team's shared test data (`../shared` beside the checkout) and the repository root.</summary>
public static class SharedData
{
    /// <summary>The repository root the tests were built from.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shared folder; <c>CRM_SHARED</c> overrides the default <c>../shared</c> beside the repository.</summary>
    public static string Root { get; } = FindShared();

    /// <summary>The folder of BPMN MIWG reference models.</summary>
    public static string MiwgFolder => Path.Combine(Root, "bpmn", "miwg");

    /// <summary>The folder of the DMN TCK cases.</summary>
    public static string DmnTckFolder => Path.Combine(Root, "dmn-tck");

    /// <summary>The folder of models that this engine and the peer both run.</summary>
    public static string PeerModelsFolder => Path.Combine(Root, "peer", "models");

    private static string FindRepositoryRoot()
    {
        var built = typeof(SharedData).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (built is not null && File.Exists(Path.Combine(built, "Crm.Bpm.sln")))
        {
            return built;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Crm.Bpm.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName
            ?? throw new InvalidOperationException($"No Crm.Bpm.sln above {AppContext.BaseDirectory}; run the tests from inside the checkout.");
    }

    private static string FindShared()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CRM_SHARED");
        var path = string.IsNullOrEmpty(fromEnvironment)
            ? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"))
            : Path.GetFullPath(fromEnvironment);
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"Shared test data not found at {path}; put the shared folder beside the checkout or set CRM_SHARED.");
        }

        return path;
    }
}
