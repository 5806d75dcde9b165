using System.Text.Json.Nodes;
using Crm.Bpm.Connectors.Http;
using Crm.Bpm.Connectors.Tests.Infrastructure;
using Crm.Bpm.Engine.Hosting;

namespace Crm.Bpm.Connectors.Tests.Http;

/// <summary><c>crm:http</c> against an HTTP server the test runs on 127.0.0.1: FEEL request mapping, FEEL response mapping, error handling.</summary>
public sealed class HttpHandlerTests : IDisposable
{
    private readonly HttpClient _client = new();

    public void Dispose() => _client.Dispose();

    [Fact]
    public void Post_BuildsTheRequestWithFeel_AndMapsTheResponseWithFeel()
    {
        using var server = new HttpTestServer(request => (200, "application/json", """{"score": 87, "band": "hot", "echo": null}"""));
        var job = TestJobs.Context("crm:http",
            new Dictionary<string, string>
            {
                ["url"] = $"=\"{server.BaseUrl}/leads/\" + lead.id + \"/score\"",
                ["method"] = "POST",
                ["headers"] = "={\"X-Api-Key\": apiKey}",
                ["body"] = "={company: lead.company, budget: lead.budget * 2}",
                ["resultExpression"] = "={leadScore: response.body.score, scoredBy: response.headers.server, ok: response.status = 200}",
            },
            """{"lead": {"id": "L-7", "company": "Acme", "budget": 100}, "apiKey": "secret-1"}""");

        var outcome = TestJobs.Run(new HttpHandler(_client), job);

        outcome.Kind.Should().Be(JobOutcomeKind.Complete, outcome.ToString());
        var request = server.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.PathAndQuery.Should().Be("/leads/L-7/score");
        request.Headers["X-Api-Key"].Should().Be("secret-1");
        request.Headers["Content-Type"].Should().StartWith("application/json");
        JsonNode.Parse(request.Body)!["budget"]!.GetValue<decimal>().Should().Be(200m);
        JsonNode.Parse(request.Body)!["company"]!.GetValue<string>().Should().Be("Acme");
        outcome.Variables!.Keys.Should().BeEquivalentTo("leadScore", "scoredBy", "ok");
        ((JsonNode)outcome.Variables["leadScore"]!).GetValue<decimal>().Should().Be(87m);
        ((JsonNode)outcome.Variables["ok"]!).GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void ResultVariable_HoldsTheWholeResponse_WithATextBody()
    {
        using var server = new HttpTestServer(_ => (201, "text/plain", "created"));
        var job = TestJobs.Context("crm:http", new Dictionary<string, string> { ["resultVariable"] = "reply" }, $$"""{"url": "{{server.BaseUrl}}/x", "method": "put", "body": "plain text"}""");

        var outcome = TestJobs.Run(new HttpHandler(_client), job);

        outcome.Kind.Should().Be(JobOutcomeKind.Complete, outcome.ToString());
        var reply = (JsonObject)outcome.Variables!["reply"]!;
        reply["status"]!.GetValue<int>().Should().Be(201);
        reply["body"]!.GetValue<string>().Should().Be("created");
        server.Requests.Single().Method.Should().Be("PUT");
        server.Requests.Single().Body.Should().Be("plain text");
    }

    [Fact]
    public void ClientError_WithAnErrorCode_ThrowsThatBpmnError_CarryingTheResponse()
    {
        using var server = new HttpTestServer(_ => (404, "application/json", """{"message": "no such lead"}"""));
        var job = TestJobs.Context("crm:http", new Dictionary<string, string> { ["errorCode"] = "lead-unknown" }, $$"""{"url": "{{server.BaseUrl}}/leads/9"}""");

        var outcome = TestJobs.Run(new HttpHandler(_client), job);

        outcome.Kind.Should().Be(JobOutcomeKind.Error);
        outcome.ErrorCode.Should().Be("lead-unknown");
        outcome.ErrorMessage.Should().Contain("404").And.Contain("no such lead");
        ((JsonObject)outcome.Variables!["response"]!)["status"]!.GetValue<int>().Should().Be(404);
    }

    [Fact]
    public void ClientError_WithoutAnErrorCode_FailsWithoutRetries()
    {
        using var server = new HttpTestServer(_ => (400, "text/plain", "bad request"));

        var outcome = TestJobs.Run(new HttpHandler(_client), TestJobs.Context("crm:http", null, $$"""{"url": "{{server.BaseUrl}}/"}"""));

        outcome.Kind.Should().Be(JobOutcomeKind.Fail);
        outcome.Retries.Should().Be(0);
        outcome.ErrorMessage.Should().Contain("400").And.Contain("errorCode");
    }

    [Fact]
    public void ServerError_FailsWithRetries_EvenWithAnErrorCode()
    {
        using var server = new HttpTestServer(_ => (503, "text/plain", "try later"));
        var job = TestJobs.Context("crm:http", new Dictionary<string, string> { ["errorCode"] = "lead-unknown" }, $$"""{"url": "{{server.BaseUrl}}/"}""");

        var outcome = TestJobs.Run(new HttpHandler(_client), job);

        outcome.Kind.Should().Be(JobOutcomeKind.Fail);
        outcome.Retries.Should().BeNull();
        outcome.ErrorMessage.Should().Contain("503");
    }

    [Fact]
    public void AUrlThatIsNotHttp_FailsWithoutRetries_AndSendsNothing()
    {
        var outcome = TestJobs.Run(new HttpHandler(_client), TestJobs.Context("crm:http", null, """{"url": "file:///etc/passwd"}"""));

        outcome.Kind.Should().Be(JobOutcomeKind.Fail);
        outcome.Retries.Should().Be(0);
        outcome.ErrorMessage.Should().Contain("not an http or https address");
    }

    [Fact]
    public void AResultExpressionThatFails_FailsWithoutRetries_WithFeelsMessage()
    {
        using var server = new HttpTestServer(_ => (200, "application/json", """{"score": 1}"""));
        var job = TestJobs.Context("crm:http", new Dictionary<string, string> { ["resultExpression"] = "=response.body.score + \"x\"" }, $$"""{"url": "{{server.BaseUrl}}/"}""");

        var outcome = TestJobs.Run(new HttpHandler(_client), job);

        outcome.Kind.Should().Be(JobOutcomeKind.Fail);
        outcome.Retries.Should().Be(0);
        outcome.ErrorMessage.Should().Contain("resultExpression");
    }
}
