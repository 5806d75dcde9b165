using System.Text;
using System.Xml;
using BenchmarkDotNet.Attributes;
using Crm.Bpm.Diagnostics;
using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Validation;
using Crm.Bpm.Engine.Xml;

namespace Crm.Bpm.Benchmarks.Bpmn;

/// <summary>Parse and validate of the largest MIWG reference model (target: at least 2,000 per second on one core, at most 500 µs each) and of a generated 5,000-node process (target: under 200 ms).</summary>
/// <remarks>
/// Input bytes are held in memory so disk I/O is not measured. Parse-only and validate-only rows show where the time goes;
/// validate-only copies the model first (<c>with { }</c>) so that the index is rebuilt as it would be for a fresh file.
/// The XmlReader-floor row reads the same bytes without building anything: no XmlReader-based parser can beat it.
/// Run: <c>dotnet run -c Release --project benchmarks/Crm.Bpm.Benchmarks -- --filter '*BpmnParseValidate*' --job short</c>.
/// </remarks>
[MemoryDiagnoser]
public class BpmnParseValidateBenchmarks
{
    private static readonly XmlReaderSettings FloorSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
    };

    private byte[] _bytes = [];
    private BpmnDefinitions _model = null!;

    /// <summary>The largest MIWG model by size, or the generated process; found in the host process and passed to each run.</summary>
    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = "";

    public static IEnumerable<string> Models() => [BenchmarkData.LargestMiwgModel(), GeneratedModelName];

    /// <summary>The name of the generated 5,000-node model in the <see cref="Model"/> column.</summary>
    public const string GeneratedModelName = "generated-5000-nodes";

    [GlobalSetup]
    public void Setup()
    {
        _bytes = Model == GeneratedModelName ? Encoding.UTF8.GetBytes(GeneratedProcess.Xml(5000)) : File.ReadAllBytes(Model);
        var parsed = Parse();
        _model = parsed.Definitions ?? throw new InvalidOperationException($"{Model} does not parse: {string.Join("; ", parsed.Diagnostics)}");
        if (parsed.HasErrors || BpmnValidator.Validate(_model).Any(d => d.IsError && Model == GeneratedModelName))
        {
            throw new InvalidOperationException($"{Model} should be free of errors for a fair benchmark.");
        }
    }

    [Benchmark(Baseline = true)]
    public IReadOnlyList<Diagnostic> ParseAndValidate()
    {
        var parsed = Parse();
        return BpmnValidator.Validate(parsed.Definitions!);
    }

    [Benchmark]
    public BpmnParseResult ParseOnly() => Parse();

    [Benchmark]
    public IReadOnlyList<Diagnostic> ValidateOnly() => BpmnValidator.Validate(_model with { });

    /// <summary>The floor for any parser built on <see cref="XmlReader"/>: one pass over every node and attribute value, building nothing.</summary>
    [Benchmark]
    public long XmlReaderFloor()
    {
        using var stream = new MemoryStream(_bytes, writable: false);
        using var reader = XmlReader.Create(stream, FloorSettings);
        long characters = 0;
        while (reader.Read())
        {
            characters += reader.LocalName.Length;
            while (reader.MoveToNextAttribute())
            {
                characters += reader.Value.Length;
            }
        }

        return characters;
    }

    private BpmnParseResult Parse()
    {
        using var stream = new MemoryStream(_bytes, writable: false);
        return BpmnParser.Parse(stream, "benchmark.bpmn");
    }
}
