using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Types;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Tests;

/// <summary>The surface DMN and the engine call: host functions, scopes, evaluation contexts and .NET conversions.</summary>
public class ApiTests
{
    private static FeelFunction Fee() =>
        FeelFunction.Create("Fee", ["amount", "rate"], (_, args) =>
            args[0] is FeelNumber a && args[1] is FeelNumber r ? FeelNumber.Of(a.Value * r.Value) : FeelValue.Null);

    [Fact]
    public void HostFunction_IsCalledPositionallyAndByName_FromFeel()
    {
        var scope = FeelScope.Of(("Fee", Fee()));

        FeelAssert.Json("Fee(200, 0.1)", scope).Should().Be("20");
        FeelAssert.Json("Fee(rate: 0.5, amount: 10)", scope).Should().Be("5");
    }

    [Fact]
    public void HostFunction_MissingNamedArgument_IsNull()
    {
        var seen = new List<FeelValue>();
        var function = FeelFunction.Create("Probe", ["a", "b"], (_, args) =>
        {
            seen.AddRange(args);
            return FeelBoolean.True;
        });

        FeelAssert.Eval("Probe(b: 1)", FeelScope.Of(("Probe", function)));

        seen.Should().Equal(FeelValue.Null, FeelNumber.Of(1));
    }

    [Fact]
    public void HostFunction_WrongArity_IsNullWithWarning()
    {
        var (value, context) = FeelAssert.EvalWithContext("Fee(1)", FeelScope.Of(("Fee", Fee())));

        value.Should().Be(FeelValue.Null);
        context.Warnings.Should().ContainSingle().Which.Message.Should().Contain("takes 2 argument(s)");
    }

    [Fact]
    public void HostFunction_UnknownParameterName_IsNullWithWarning()
    {
        var (value, context) = FeelAssert.EvalWithContext("Fee(amount: 1, percent: 2)", FeelScope.Of(("Fee", Fee())));

        value.Should().Be(FeelValue.Null);
        context.Warnings.Should().ContainSingle().Which.Message.Should().Contain("no parameter named 'percent'");
    }

    [Fact]
    public void HostFunction_ThatThrows_IsNullWithWarning_NotAnException()
    {
        var boom = FeelFunction.Create("Boom", Array.Empty<string>(), (_, _) => throw new InvalidOperationException("service down"));

        var (value, context) = FeelAssert.EvalWithContext("Boom()", FeelScope.Of(("Boom", boom)));

        value.Should().Be(FeelValue.Null);
        context.Warnings.Should().ContainSingle().Which.Message.Should().Contain("service down");
    }

    [Fact]
    public void HostFunction_WithTypedParameters_CoercesSingletonListsAndRejectsWrongTypes()
    {
        var twice = FeelFunction.Create("Twice", [new FeelParameter("n", FeelType.Number)], (_, args) => FeelNumber.Of(((FeelNumber)args[0]).Value * 2));
        var scope = FeelScope.Of(("Twice", twice));

        FeelAssert.Json("Twice([21])", scope).Should().Be("42");
        FeelAssert.Json("Twice(\"x\")", scope).Should().Be("null");
    }

    [Fact]
    public void HostFunction_CanBePassedToBuiltins()
    {
        var descending = FeelFunction.Create(null, ["x", "y"], (_, args) => FeelBoolean.Of(((FeelNumber)args[0]).Value > ((FeelNumber)args[1]).Value));

        FeelAssert.Json("sort([1, 3, 2], precedes)", FeelScope.Of(("precedes", descending))).Should().Be("[3,2,1]");
    }

    [Fact]
    public void FeelDefinedFunction_CanBeInvokedFromDotNet()
    {
        var function = (FeelFunction)FeelAssert.Eval("function(a, b) a - b");
        var context = new FeelEvaluationContext(FeelScope.Empty);

        function.Invoke(context, [FeelNumber.Of(5), FeelNumber.Of(3)]).Should().Be(FeelNumber.Of(2));
        function.InvokeNamed(context, [new("b", FeelNumber.Of(5)), new("a", FeelNumber.Of(3))]).Should().Be(FeelNumber.Of(-2));
        function.Parameters.Select(p => p.Name).Should().Equal("a", "b");
    }

    [Fact]
    public void BuiltinFunction_IsAValue()
    {
        var function = (FeelFunction)FeelAssert.Eval("string length");

        function.Invoke(new FeelEvaluationContext(FeelScope.Empty), [new FeelString("abcd")]).Should().Be(FeelNumber.Of(4));
    }

    [Fact]
    public void LazyScope_SubclassSuppliesValuesOnDemand()
    {
        var scope = new CountingScope();

        FeelAssert.Json("anything + other", scope).Should().Be("20");
        scope.Lookups.Should().Equal("anything", "other");
    }

    [Fact]
    public void CompiledExpression_IsReusableAcrossScopes()
    {
        var expression = FeelCompiler.CompileExpression("amount > 1000 and region = \"EU\"").Value!;

        expression.Evaluate(FeelScope.Of(("amount", FeelNumber.Of(1200)), ("region", new FeelString("EU")))).Should().Be(FeelBoolean.True);
        expression.Evaluate(FeelScope.Of(("amount", FeelNumber.Of(900)), ("region", new FeelString("EU")))).Should().Be(FeelBoolean.False);
        // A missing variable is null, and null = "EU" is false (DMN 1.5 §10.3.2.2), so the condition is false.
        expression.Evaluate(FeelScope.Of(("amount", FeelNumber.Of(1200)))).Should().Be(FeelBoolean.False);
        expression.Text.Should().Be("amount > 1000 and region = \"EU\"");
    }

    [Fact]
    public void CompiledExpression_GivesSameResultsFromManyThreads()
    {
        var expression = FeelCompiler.CompileExpression("for i in 1..n return i * i").Value!;

        var results = Enumerable.Range(1, 64).AsParallel()
            .Select(n => ((FeelList)expression.Evaluate(FeelScope.Of(("n", FeelNumber.Of(n))))).Count)
            .ToList();

        results.Order().Should().Equal(Enumerable.Range(1, 64));
    }

    [Fact]
    public void NowAndToday_ReadTheContextClock()
    {
        var clock = new FixedClock(new DateTimeOffset(2024, 5, 6, 23, 30, 0, TimeSpan.Zero));
        var context = new FeelEvaluationContext(FeelScope.Empty, clock);

        FeelCompiler.CompileExpression("today()").Value!.Evaluate(context).Should().Be(FeelDate.TryParse("2024-05-06"));
        FeelCompiler.CompileExpression("now()").Value!.Evaluate(context).ToFeelString().Should().Be("2024-05-06T23:30:00Z");
    }

    [Fact]
    public void Warnings_AccumulateAndCanBeCleared()
    {
        var context = new FeelEvaluationContext(FeelScope.Empty);
        var expression = FeelCompiler.CompileExpression("1 + \"a\"").Value!;

        expression.Evaluate(context);
        expression.Evaluate(context);
        context.Warnings.Should().HaveCount(2);
        context.ClearWarnings();
        context.HasWarnings.Should().BeFalse();
    }

    [Fact]
    public void RunawayRecursion_IsNullWithWarning_NotAStackOverflow()
    {
        var (value, context) = FeelAssert.EvalWithContext("{f: function(n) f(n + 1), r: f(1)}.r");

        value.Should().Be(FeelValue.Null);
        context.Warnings.Should().Contain(w => w.Message.Contains("too deeply"));
    }

    [Theory]
    [InlineData(42, "42")]
    [InlineData(1.5, "1.5")]
    [InlineData("text", "\"text\"")]
    [InlineData(true, "true")]
    [InlineData(null, "null")]
    public void DotNetValues_ConvertToFeel(object? value, string literal)
    {
        FeelValue.From(value).ToFeelLiteral().Should().Be(literal);
    }

    [Fact]
    public void DotNetTemporalsAndCollections_ConvertToFeel()
    {
        FeelValue.From(new DateOnly(2024, 1, 2)).Should().Be(FeelDate.TryParse("2024-01-02"));
        FeelValue.From(TimeSpan.FromHours(36)).ToFeelString().Should().Be("P1DT12H");
        FeelValue.From(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2))).ToFeelString().Should().Be("2024-01-02T03:04:05+02:00");
        FeelValue.From(Enumerable.Range(1, 2)).Should().Be(FeelList.Of(FeelNumber.Of(1), FeelNumber.Of(2)));
        FeelValue.From(new Dictionary<string, object?> { ["a"] = 1 }).Should().Be(FeelContext.Of(("a", FeelNumber.Of(1))));
    }

    [Fact]
    public void FeelEquality_IsNullForDifferentTypes_AndFalseAgainstNull()
    {
        FeelValue.FeelEquals(FeelNumber.Of(1), new FeelString("1")).Should().BeNull();
        FeelValue.FeelEquals(FeelNumber.Of(1), FeelValue.Null).Should().BeFalse();
        FeelValue.FeelEquals(FeelValue.Null, FeelValue.Null).Should().BeTrue();
        FeelValue.FeelCompare(FeelNumber.Of(1), FeelNumber.Of(2)).Should().BeNegative();
        FeelValue.FeelCompare(FeelBoolean.True, FeelBoolean.False).Should().BeNull();
    }

    [Fact]
    public void DateTimeWithZone_ExposesInstantForTimers()
    {
        var value = (FeelDateTime)FeelAssert.Eval("@\"2024-07-01T09:00:00@Europe/Paris\"");

        value.ToDateTimeOffset().Should().Be(new DateTimeOffset(2024, 7, 1, 9, 0, 0, TimeSpan.FromHours(2)));
        ((FeelDaysTimeDuration)FeelAssert.Eval("duration(\"PT90M\")")).ToTimeSpan().Should().Be(TimeSpan.FromMinutes(90));
    }

    private sealed class CountingScope : FeelScope
    {
        public List<string> Lookups { get; } = [];

        protected override bool TryGetOwnValue(string name, out FeelValue value)
        {
            Lookups.Add(name);
            value = FeelNumber.Of(10);
            return true;
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
