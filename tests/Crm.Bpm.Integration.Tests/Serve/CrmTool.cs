namespace Crm.Bpm.Integration.Tests.Serve;

/// <summary>Finds the built <c>crm</c> tool (crm.dll with its runtime config), copied beside this test assembly by the project reference.</summary>
internal static class CrmTool
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var beside = System.IO.Path.Combine(AppContext.BaseDirectory, "crm.dll");
        if (File.Exists(beside) && File.Exists(System.IO.Path.Combine(AppContext.BaseDirectory, "crm.runtimeconfig.json")))
        {
            return beside;
        }

        throw new InvalidOperationException($"crm.dll and crm.runtimeconfig.json are not beside the tests in {AppContext.BaseDirectory}; build tests/Crm.Bpm.Integration.Tests (it references platform/Crm.Bpm.Cli).");
    }
}
