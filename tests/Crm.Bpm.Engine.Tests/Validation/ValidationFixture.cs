using Crm.Bpm.Diagnostics;
using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Validation;
using Crm.Bpm.Engine.Xml;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Engine.Tests.Validation;

/// <summary>Loads the validator's fixture files (beside these tests) and runs parser and validator on them.</summary>
internal static class ValidationFixture
{
    public static string FixturesFolder { get; } = Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Engine.Tests", "Fixtures");

    public static string PathOf(string relative) => Path.Combine(FixturesFolder, relative);

    /// <summary>Parses a file that must yield a model and validates it.</summary>
    public static Outcome Run(string path)
    {
        var parsed = BpmnParser.ParseFile(path);
        parsed.Definitions.Should().NotBeNull($"{path} must parse into a model; the parser said: {string.Join("; ", parsed.Diagnostics)}");
        return new Outcome(parsed.Definitions!, parsed.Diagnostics, BpmnValidator.Validate(parsed.Definitions!, path));
    }

    /// <summary>The 1-based line of the start tag that carries <c>id="<paramref name="id"/>"</c>.</summary>
    public static int LineOf(string path, string id)
    {
        var lines = File.ReadAllLines(path);
        var hits = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains($" id=\"{id}\"", StringComparison.Ordinal)).ToList();
        hits.Should().ContainSingle($"the fixture {path} should declare id \"{id}\" on one line");
        return hits[0] + 1;
    }

    public sealed record Outcome(BpmnDefinitions Model, IReadOnlyList<Diagnostic> ParserFindings, IReadOnlyList<Diagnostic> ValidatorFindings);
}
