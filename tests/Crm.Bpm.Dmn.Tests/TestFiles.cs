namespace Crm.Bpm.Dmn.Tests;

/// <summary>Locates the fixture files copied beside the test assembly.</summary>
internal static class TestFiles
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Malformed(string name) => Path.Combine(AppContext.BaseDirectory, "Parsing", "Malformed", name);
}
