using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Crm.Bpm.Dmn.Drg;
using Crm.Bpm.Dmn.Evaluation;
using Crm.Bpm.Dmn.Expressions;
using Crm.Bpm.Dmn.Tables;
using Crm.Bpm.Dmn.Types;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Benchmarks.Dmn;

/// <summary>
/// Evaluates a generated 50-rule UNIQUE decision table (score by region, amount band and segment) compiled once.
/// The target is at least 200,000 evaluations per second: one operation below is one evaluation.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PatientBuildConfig))]
public class DecisionTableBenchmarks
{
    private static readonly string[] Regions = ["North", "South", "East", "West", "Central"];
    private static readonly (string Test, int Low)[] AmountBands = [("< 1000", 500), ("[1000..5000)", 2500), ("[5000..20000)", 9000), ("[20000..100000)", 40000), (">= 100000", 250000)];
    private static readonly string[] SegmentNames = ["Retail", "Business"];

    private DmnModel _model = null!;
    private Dictionary<string, FeelValue>[] _inputs = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var compiled = DmnModel.Compile(ScoringModel());
        if (compiled.HasErrors)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, compiled.Diagnostics));
        }

        _model = compiled.Model!;
        _inputs = Regions.SelectMany(region => AmountBands.SelectMany(band => SegmentNames.Select(segment =>
                new Dictionary<string, FeelValue>(StringComparer.Ordinal)
                {
                    ["Region"] = FeelValue.String(region),
                    ["Amount"] = FeelValue.From(band.Low),
                    ["Segment"] = FeelValue.String(segment),
                })))
            .ToArray();

        var check = _model.Evaluate("Score", _inputs[0]);
        if (check.Value is not FeelNumber || check.Warnings.Count > 0)
        {
            throw new InvalidOperationException($"The generated table does not evaluate: {check.Value} {string.Join("; ", check.Warnings)}");
        }
    }

    /// <summary>One evaluation of the 50-rule table, cycling through every rule's inputs.</summary>
    [Benchmark]
    public FeelValue EvaluateScore()
    {
        var inputs = _inputs[_next];
        _next = (_next + 1) % _inputs.Length;
        return _model.Evaluate("Score", inputs).Value;
    }

    /// <summary>The model: three typed inputs and one decision whose table has a rule per region, amount band and segment.</summary>
    private static DmnDefinitions ScoringModel()
    {
        var rules = new List<DecisionRule>();
        var score = 0;
        foreach (var region in Regions)
        {
            foreach (var (band, _) in AmountBands)
            {
                foreach (var segment in SegmentNames)
                {
                    score += 7;
                    rules.Add(new DecisionRule
                    {
                        Id = $"rule{rules.Count + 1}",
                        InputEntries = [Entry($"\"{region}\""), Entry(band), Entry($"\"{segment}\"")],
                        OutputEntries = [Entry(score.ToString(CultureInfo.InvariantCulture))],
                    });
                }
            }
        }

        var table = new DecisionTable
        {
            Id = "scoreTable",
            HitPolicy = HitPolicy.Unique,
            Inputs =
            [
                new InputClause { Id = "in1", InputExpression = new LiteralExpression { Text = "Region", TypeRef = "string" } },
                new InputClause { Id = "in2", InputExpression = new LiteralExpression { Text = "Amount", TypeRef = "number" } },
                new InputClause { Id = "in3", InputExpression = new LiteralExpression { Text = "Segment", TypeRef = "string" } },
            ],
            Outputs = [new OutputClause { Id = "out1", Name = "Score", TypeRef = "number" }],
            Rules = rules,
        };

        return new DmnDefinitions
        {
            Name = "Scoring",
            Namespace = "urn:crm:benchmarks:scoring",
            InputData = [Input("Region", "string"), Input("Amount", "number"), Input("Segment", "string")],
            Decisions =
            [
                new Decision
                {
                    Id = "score",
                    Name = "Score",
                    Variable = new InformationItem { Name = "Score", TypeRef = "number" },
                    InformationRequirements =
                    [
                        new InformationRequirement(InformationRequirementKind.InputData, new DmnReference("#Region", default)),
                        new InformationRequirement(InformationRequirementKind.InputData, new DmnReference("#Amount", default)),
                        new InformationRequirement(InformationRequirementKind.InputData, new DmnReference("#Segment", default)),
                    ],
                    Expression = table,
                },
            ],
        };
    }

    private static InputData Input(string name, string typeRef) =>
        new() { Id = name, Name = name, Variable = new InformationItem { Name = name, TypeRef = typeRef } };

    private static RuleEntry Entry(string text) => new(text, null, default);

    /// <summary>Allows the generated benchmark project ten minutes to build: on the shared 2-core machine the default two minutes run out.</summary>
    public sealed class PatientBuildConfig : ManualConfig
    {
        public PatientBuildConfig()
        {
            WithBuildTimeout(TimeSpan.FromMinutes(10));
        }
    }
}
