using System.Text.Json;
using Crm.Bpm.Engine.ProcessTests;
using Crm.Bpm.Engine.ProcessTests.Steps;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Engine.Tests.ProcessTests;

public class ProcessTestReaderTests
{
    private static readonly string Fixtures = Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Engine.Tests", "Fixtures", "ProcessTests");

    public static TheoryData<string> MistakeFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Fixtures, "mistakes"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>Each file's first line says the finding it must give: <c># expect: CODE (line,column) message text</c>.</summary>
    [Theory]
    [MemberData(nameof(MistakeFiles))]
    public void Mistake_GivesAPositionedDiagnostic_SayingWhatToWrite(string file)
    {
        var path = Path.Combine(Fixtures, "mistakes", file);
        var header = File.ReadLines(path).First();
        var match = System.Text.RegularExpressions.Regex.Match(header, @"^# expect: (\w+) \((\d+),(\d+)\) (.+)$");
        match.Success.Should().BeTrue("the first line of {0} states the expected finding", file);

        var result = ProcessTestReader.ReadFile(path);

        result.File.Should().BeNull();
        result.Diagnostics.Should().Contain(d =>
            d.Code == match.Groups[1].Value
            && d.Line == int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)
            && d.Column == int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture)
            && d.Message.Contains(match.Groups[4].Value, StringComparison.Ordinal)
            && d.File == path,
            "{0} must report {1}; it reported: {2}", file, header, string.Join(" | ", result.Diagnostics));
    }

    [Fact]
    public void Read_TurnsShortAndLongFormsIntoTheSameSteps()
    {
        var result = ProcessTestReader.Read(
            """
            resources: []
            cases:
              - name: forms
                clock: 2025-06-01T08:00:00Z
                start: approval
                steps:
                  - completeTask: Task_Approve
                  - completeTask: { element: Task_Approve, variables: { ok: true } }
                  - completeJob: "crm:notify"
                  - failJob: { element: Task_Notify, retries: 0, message: down, backoff: PT5M }
                  - correlateMessage: { name: m, correlationKey: 42, timeToLive: P1D }
                  - advanceClock: P1DT2H
                  - resolveIncident: Task_Notify
                  - cancel
            """, Path.Combine(Fixtures, "inline.test.yaml"));

        result.Diagnostics.Should().BeEmpty();
        var testCase = result.File!.Cases.Single();
        testCase.Clock.Should().Be(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero));
        testCase.Start!.Process.Should().Be("approval");
        testCase.Steps.Select(s => s.Keyword).Should().Equal(
            "completeTask", "completeTask", "completeJob", "failJob", "correlateMessage", "advanceClock", "resolveIncident", "cancel");
        testCase.Steps[0].Should().BeOfType<CompleteTaskStep>().Which.Element.Should().Be("Task_Approve");
        ((CompleteTaskStep)testCase.Steps[1]).Variables["ok"].GetBoolean().Should().BeTrue();
        ((CompleteJobStep)testCase.Steps[2]).Job.Type.Should().Be("crm:notify");
        var fail = (FailJobStep)testCase.Steps[3];
        (fail.Job.Element, fail.Retries, fail.Message, fail.Backoff).Should().Be(("Task_Notify", 0, "down", TimeSpan.FromMinutes(5)));
        var message = (CorrelateMessageStep)testCase.Steps[4];
        (message.CorrelationKey, message.TimeToLive).Should().Be(("42", TimeSpan.FromDays(1)));
        ((AdvanceClockStep)testCase.Steps[5]).Duration.AddTo(testCase.Clock).Should().Be(testCase.Clock.AddHours(26));
        ((ResolveIncidentStep)testCase.Steps[6]).Retries.Should().Be(1);
        testCase.Steps[7].Line.Should().Be(14);
    }

    [Fact]
    public void Read_GivesVariablesTheirJsonTypes_QuotedTextStayingText()
    {
        var result = ProcessTestReader.Read(
            """
            resources: []
            cases:
              - name: values
                start:
                  process: p
                  variables: { n: 1.50, big: 12345678901234567890, neg: -3, t: true, nothing: null, tilde: ~, zip: "01067", plain: Ada, date: 2025-01-02, list: [1, "2"], obj: { a: { b: yes } } }
            """, Path.Combine(Fixtures, "inline.test.yaml"));

        result.Diagnostics.Should().BeEmpty();
        var v = result.File!.Cases.Single().Start!.Variables;
        v["n"].GetDecimal().Should().Be(1.50m);
        v["big"].GetRawText().Should().Be("12345678901234567890");
        v["neg"].GetInt32().Should().Be(-3);
        v["t"].ValueKind.Should().Be(JsonValueKind.True);
        v["nothing"].ValueKind.Should().Be(JsonValueKind.Null);
        v["tilde"].ValueKind.Should().Be(JsonValueKind.Null);
        v["zip"].GetString().Should().Be("01067");
        v["plain"].GetString().Should().Be("Ada");
        v["date"].GetString().Should().Be("2025-01-02");
        v["list"].GetRawText().Should().Be("[1,\"2\"]");
        v["obj"].GetProperty("a").GetProperty("b").GetString().Should().Be("yes");
    }

    [Fact]
    public void ReadFile_ReportsAFileThatDoesNotExist_WithoutThrowing()
    {
        var result = ProcessTestReader.ReadFile(Path.Combine(Fixtures, "no-such-file.test.yaml"));

        result.File.Should().BeNull();
        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(ProcessTestDiagnosticCodes.NotYaml);
    }
}
