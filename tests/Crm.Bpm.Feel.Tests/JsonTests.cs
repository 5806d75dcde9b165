using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Bpm.Feel.Json;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Tests;

/// <summary>The JSON mapping used for process variables (docs/feel-api.md).</summary>
public class JsonTests
{
    [Fact]
    public void JsonObject_BecomesContext_KeepingPropertyOrderAndTypes()
    {
        var value = FeelJson.Parse("{\"b\": 1.50, \"a\": [true, null, \"x\"], \"c\": {\"d\": -2}}");

        var context = value.Should().BeOfType<FeelContext>().Subject;
        context.Keys.Should().Equal("b", "a", "c");
        context["b"].Should().Be(FeelNumber.Of(1.5m));
        context["a"].Should().Be(FeelList.Of(FeelBoolean.True, FeelValue.Null, new FeelString("x")));
        FeelAssert.Json("c.d * 2", FeelScope(context)).Should().Be("-4");
    }

    [Fact]
    public void JsonNumbers_KeepAllDigits()
    {
        var value = FeelJson.Parse("12345678901234567890.123456789012");

        value.ToFeelString().Should().Be("12345678901234567890.123456789012");
        FeelJson.ToJsonString(value).Should().Be("12345678901234567890.123456789012");
    }

    [Fact]
    public void JsonStrings_StayStrings_EvenWhenTheyLookLikeDates()
    {
        FeelJson.Parse("\"2024-01-01\"").Should().Be(new FeelString("2024-01-01"));
    }

    [Fact]
    public void TemporalsAndDurations_BecomeIsoStrings()
    {
        var value = FeelAssert.Eval("{d: date(\"2024-05-01\"), t: time(\"10:30:00+02:00\"), dt: @\"2024-05-01T10:30:00@Europe/Paris\", dtd: duration(\"P1DT2H\"), ymd: duration(\"P1Y2M\")}");

        FeelJson.ToJsonString(value).Should().Be(
            "{\"d\":\"2024-05-01\",\"t\":\"10:30:00+02:00\",\"dt\":\"2024-05-01T10:30:00@Europe/Paris\",\"dtd\":\"P1DT2H\",\"ymd\":\"P1Y2M\"}");
    }

    [Fact]
    public void RangesAndFunctions_HaveTheirDocumentedShape()
    {
        FeelJson.ToJsonString(FeelAssert.Eval("[1..10)")).Should().Be("{\"start\":1,\"startIncluded\":true,\"end\":10,\"endIncluded\":false}");
        FeelJson.ToJsonString(FeelAssert.Eval("< 5")).Should().Be("{\"start\":null,\"startIncluded\":false,\"end\":5,\"endIncluded\":false}");
        FeelJson.ToJsonNode(FeelAssert.Eval("function(x) x")).Should().BeNull();
    }

    [Fact]
    public void JsonNode_RoundTripsThroughFeel()
    {
        var node = JsonNode.Parse("{\"name\":\"Ann\",\"scores\":[1,2.5,-3],\"ok\":false,\"none\":null,\"nested\":{\"k\":\"v\"}}");

        var back = FeelJson.ToJsonNode(FeelJson.FromJson(node));

        back!.ToJsonString().Should().Be(node!.ToJsonString());
    }

    [Fact]
    public void JsonElement_ConvertsLikeJsonNode()
    {
        using var document = JsonDocument.Parse("{\"amount\": 1200, \"region\": \"EU\"}");

        FeelJson.FromJson(document.RootElement).Should().Be(FeelJson.FromJson(JsonNode.Parse("{\"amount\": 1200, \"region\": \"EU\"}")));
    }

    [Fact]
    public void NullNode_IsFeelNull()
    {
        FeelJson.FromJson((JsonNode?)null).Should().Be(FeelValue.Null);
        FeelJson.ToJsonString(FeelValue.Null).Should().Be("null");
    }

    [Fact]
    public void InvalidJson_ThrowsJsonException_ForTheCallerToReport()
    {
        var parse = () => FeelJson.Parse("{oops");

        parse.Should().Throw<JsonException>();
    }

    [Fact]
    public void JsonObjectScope_ReadsProcessVariablesLazily()
    {
        var variables = JsonNode.Parse("{\"amount\": 1200, \"customer\": {\"region\": \"EU\"}}")!.AsObject();
        var scope = new JsonObjectScope(variables);

        FeelAssert.Json("amount > 1000 and customer.region = \"EU\"", scope).Should().Be("true");
        FeelAssert.Json("missing", scope).Should().Be("null");
        scope.OwnNames.Should().Equal("amount", "customer");
    }

    private static Evaluation.FeelScope FeelScope(FeelContext context) => Evaluation.FeelScope.FromContext(context);
}
