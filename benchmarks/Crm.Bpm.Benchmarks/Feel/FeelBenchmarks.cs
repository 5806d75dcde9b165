using BenchmarkDotNet.Attributes;
using Crm.Bpm.Feel;
using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Benchmarks.Feel;

/// <summary>FEEL hot paths: a compiled gateway condition evaluated against a prepared scope, and compilation itself.</summary>
[MemoryDiagnoser]
public class FeelBenchmarks
{
    private const string Condition = "amount > 1000 and region = \"EU\"";

    private FeelExpression _condition = null!;
    private FeelExpression _arithmetic = null!;
    private FeelUnaryTests _tests = null!;
    private FeelEvaluationContext _context = null!;
    private FeelNumber _input = null!;

    [GlobalSetup]
    public void Setup()
    {
        _condition = FeelCompiler.CompileExpression(Condition).Value!;
        _arithmetic = FeelCompiler.CompileExpression("amount * 1.2 + fee").Value!;
        _tests = FeelCompiler.CompileUnaryTests("[1000..5000), > 10000").Value!;
        var scope = new FeelScope()
            .Set("amount", FeelNumber.Of(1200))
            .Set("region", new FeelString("EU"))
            .Set("fee", FeelNumber.Of(15.5m));
        _context = new FeelEvaluationContext(scope);
        _input = FeelNumber.Of(2500);
        if (_condition.Evaluate(_context) is not FeelBoolean { Value: true })
        {
            throw new InvalidOperationException("The benchmark condition must be true for the prepared scope.");
        }
    }

    /// <summary>The target: at least 5 million evaluations per second on one core (at most 200 ns per operation).</summary>
    [Benchmark(Baseline = true)]
    public FeelValue EvaluateGatewayCondition() => _condition.Evaluate(_context);

    [Benchmark]
    public FeelValue EvaluateArithmetic() => _arithmetic.Evaluate(_context);

    [Benchmark]
    public FeelValue EvaluateDecisionTableInputEntry() => _tests.Evaluate(_input, _context);

    [Benchmark]
    public FeelExpression CompileGatewayCondition() => FeelCompiler.CompileExpression(Condition).Value!;
}
