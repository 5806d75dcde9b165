namespace Crm.Bpm.Dmn.Tck;

/// <summary>One <c>*-test-*.xml</c> file: the model it tests and its test cases.</summary>
public sealed record TckTestFile
{
    /// <summary>The path of the test file.</summary>
    public required string Path { get; init; }

    /// <summary>The model file name the test file names, relative to its folder.</summary>
    public string? ModelName { get; init; }

    public IReadOnlyList<string> Labels { get; init; } = [];

    public IReadOnlyList<TckTestCase> TestCases { get; init; } = [];
}
