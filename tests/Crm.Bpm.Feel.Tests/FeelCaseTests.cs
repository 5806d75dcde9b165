using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Tests;

/// <summary>Runs the <c>Cases/*.feelcases</c> files: each line <c>expression =&gt; expected</c>, both FEEL, compared structurally.</summary>
public class FeelCaseTests
{
    public static TheoryData<string, int, string, string> Cases()
    {
        var data = new TheoryData<string, int, string, string>();
        var folder = Path.Combine(AppContext.BaseDirectory, "Cases");
        foreach (var file in Directory.GetFiles(folder, "*.feelcases").OrderBy(f => f, StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith('#') || !line.Contains(" => ", StringComparison.Ordinal))
                {
                    continue;
                }

                var split = line.LastIndexOf(" => ", StringComparison.Ordinal);
                data.Add(Path.GetFileNameWithoutExtension(file), i + 1, line[..split], line[(split + 4)..]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Expression_EvaluatesToExpectedValue(string file, int line, string expression, string expected)
    {
        var actual = FeelAssert.Eval(expression);
        var wanted = FeelAssert.Eval(expected);

        actual.Equals(wanted).Should().BeTrue($"{file}.feelcases line {line}: '{expression}' gave {actual} but {wanted} was expected");
    }

    [Fact]
    public void CaseFiles_CoverEveryBuiltinArea()
    {
        var files = Cases().Select(row => (string)row[0]).Distinct().ToList();

        files.Should().Contain(["conversion", "string", "list", "numeric", "temporal", "range", "context", "language"]);
        Cases().Count.Should().BeGreaterThan(400);
    }

    [Fact]
    public void FailedEvaluation_LeavesWarningExplainingTheNull()
    {
        var (value, context) = FeelAssert.EvalWithContext("substring(\"abc\", 0)");

        value.Should().Be(FeelValue.Null);
        context.Warnings.Should().ContainSingle().Which.Code.Should().Be(FeelWarningCodes.InvalidArgument);
    }
}
